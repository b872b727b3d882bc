package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.RejectedRecordException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Timestamps as vendors write them: ISO-8601 with or without offset, or epoch milliseconds. */
public final class Timestamps {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}");

    private Timestamps() {
    }

    /**
     * Parses {@code field} of a record. ISO-8601 text with an offset keeps its instant; without one
     * it is read as UTC. Numbers, and strings of digits, are epoch milliseconds.
     *
     * @throws RejectedRecordException naming the field when it is missing or unreadable
     */
    public static Instant parse(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            throw new RejectedRecordException("missing '" + field + "'");
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        if (!value.isTextual()) {
            throw new RejectedRecordException("'" + field + "' is not a timestamp: " + abbreviate(value.toString()));
        }
        return parse(value.asText(), field);
    }

    static Instant parse(String text, String field) {
        String trimmed = text.trim();
        if (EPOCH_MILLIS.matcher(trimmed).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        try {
            return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new RejectedRecordException("'" + field + "' is not an ISO-8601 date-time or epoch milliseconds: "
                        + abbreviate(text));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
