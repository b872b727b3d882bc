package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.RejectedRecordException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Timestamps as vendors write them: ISO-8601 with or without offset, or epoch milliseconds. */
public final class Timestamps {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{10,15}");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    /**
     * ISO-8601 as exports write it: {@code T} or a space between date and time, optional fraction,
     * and an optional offset as {@code Z}, {@code +08:00}, {@code +0800} or {@code +08}, with or
     * without a space before it.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Timestamps() {
    }

    /**
     * Parses {@code field} of a record. ISO-8601 text with an offset keeps its instant; without one
     * it is read as UTC. Numbers, and strings of 10 to 15 digits, are epoch milliseconds.
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
        Instant utc = utcSeconds(trimmed);
        if (utc != null) {
            return utc;
        }
        if (EPOCH_MILLIS.matcher(trimmed).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        if (DIGITS.matcher(trimmed).matches()) {
            throw new RejectedRecordException("'" + field + "' is ambiguous: " + abbreviate(text)
                    + " is too short for epoch milliseconds (10 to 15 digits) and is not an ISO-8601 date-time");
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException("'" + field + "' is not an ISO-8601 date-time or epoch milliseconds: "
                    + abbreviate(text));
        }
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ssZ}, read without the general parser (which costs
     * more than the rest of a record's normalisation); null when the text has another form.
     */
    private static Instant utcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return java.time.LocalDate.of(year, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
