package io.logsearch.api.compat.onehub;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2822 date-times (§3.3), such as {@code Mon, 18 Jan 2016 11:16:53 -0800}, with the obsolete
 * zone names of §4.3. A day of the week, when given, must be the date's. Onehub also takes a time
 * without a zone, in the requesting user's own zone.
 */
final class Rfc2822 {

    static final String EXAMPLE = "Mon, 18 Jan 2016 11:16:53 -0800";

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\s*(?:(\\p{Alpha}{3})\\s*,\\s*)?(\\d{1,2})\\s+(\\p{Alpha}{3})\\s+(\\d{4})\\s+(\\d{2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?:\\s+([+-]\\d{4}|\\p{Alpha}{1,3}))?\\s*");
    private static final Map<String, ZoneOffset> OBSOLETE_ZONES = Map.of(
            "UT", ZoneOffset.UTC, "GMT", ZoneOffset.UTC,
            "EST", ZoneOffset.ofHours(-5), "EDT", ZoneOffset.ofHours(-4),
            "CST", ZoneOffset.ofHours(-6), "CDT", ZoneOffset.ofHours(-5),
            "MST", ZoneOffset.ofHours(-7), "MDT", ZoneOffset.ofHours(-6),
            "PST", ZoneOffset.ofHours(-8), "PDT", ZoneOffset.ofHours(-7));

    private Rfc2822() {
    }

    /**
     * The instant {@code text} names; a time without a zone is in {@code zoneWhenNone}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static Instant parse(String text, ZoneId zoneWhenNone) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an RFC-2822 time such as '" + EXAMPLE + "'");
        }
        Month month = name(Month.values(), m.group(3), text, "month");
        LocalDateTime local;
        try {
            local = LocalDateTime.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a real date and time: " + e.getMessage());
        }
        if (m.group(1) != null) {
            DayOfWeek day = name(DayOfWeek.values(), m.group(1), text, "day of the week");
            if (day != local.getDayOfWeek()) {
                throw new IllegalArgumentException("'" + text + "': " + local.toLocalDate() + " is a "
                        + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", not a "
                        + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
        }
        ZoneId zone = m.group(8) == null ? zoneWhenNone : zone(m.group(8), text);
        return local.atZone(zone).toInstant();
    }

    private static ZoneId zone(String written, String text) {
        if (written.startsWith("+") || written.startsWith("-")) {
            int hours = Integer.parseInt(written.substring(1, 3));
            int minutes = Integer.parseInt(written.substring(3, 5));
            try {
                return written.startsWith("-") ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' has no such zone offset as " + written);
            }
        }
        String upper = written.toUpperCase(Locale.ROOT);
        Optional<ZoneOffset> obsolete = Optional.ofNullable(OBSOLETE_ZONES.get(upper));
        // §4.3: the military letters' offsets were defined wrongly, so they count as -0000 (UTC, local zone unknown)
        boolean military = upper.length() == 1 && !upper.equals("J");
        if (obsolete.isEmpty() && !military) {
            throw new IllegalArgumentException("'" + text + "' has an unknown zone " + written
                    + "; give an offset such as -0800, or one of UT, GMT, EST, EDT, CST, CDT, MST, MDT, PST, PDT");
        }
        return obsolete.orElse(ZoneOffset.UTC);
    }

    /** The constant whose English three-letter abbreviation is {@code written}, in any case. */
    private static <T extends Enum<T>> T name(T[] values, String written, String text, String what) {
        return Arrays.stream(values)
                .filter(v -> v.name().substring(0, 3).equalsIgnoreCase(written))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' has no " + what + " called " + written));
    }
}
