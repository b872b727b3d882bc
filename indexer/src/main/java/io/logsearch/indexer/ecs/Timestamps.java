package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.RejectedRecordException;
import java.time.Instant;
import java.time.LocalDate;
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

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_SECOND_OF_0000 = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long LAST_SECOND_OF_9999 = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * SECONDS_PER_DAY - 1;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{10,15}");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    /**
     * ISO-8601 as exports write it: {@code T} (or a space, below) between date and time, optional
     * fraction, and an optional offset as {@code Z}, {@code +08:00}, {@code +0800} or {@code +08},
     * with or without a space before it.
     */
    private static final DateTimeFormatter DATE_T_TIME = dateTime('T');
    private static final DateTimeFormatter DATE_SPACE_TIME = dateTime(' ');

    private static DateTimeFormatter dateTime(char separator) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral(separator)
                .append(DateTimeFormatter.ISO_LOCAL_TIME)
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(IsoChronology.INSTANCE);
    }

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
            DateTimeFormatter format = trimmed.indexOf('T') >= 0 || trimmed.indexOf('t') >= 0 ? DATE_T_TIME : DATE_SPACE_TIME;
            TemporalAccessor parsed = format.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
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
            return LocalDate.of(year, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
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

    /**
     * Exactly {@link Instant#toString()} (ISO-8601 in UTC, seconds always, the fraction in groups of
     * three digits as needed), written without the general formatter, which costs more per event
     * than the rest of its normalisation. Years outside 0000 to 9999 are left to the formatter.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_0000 || seconds > LAST_SECOND_OF_9999) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = "0000-00-00T00:00:00.000000000Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, secondOfDay / 3600);
        digits(text, 14, 2, secondOfDay / 60 % 60);
        digits(text, 17, 2, secondOfDay % 60);
        int nanos = instant.getNano();
        digits(text, 20, 9, nanos);
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int end = fractionDigits == 0 ? 19 : 20 + fractionDigits;
        text[end] = 'Z';
        return new String(text, 0, end + 1);
    }

    /** Writes {@code value} as {@code width} zero-padded decimal digits at {@code from}. */
    private static void digits(char[] text, int from, int width, int value) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
