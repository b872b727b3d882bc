package io.logsearch.mappings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time written as ThousandEyes writes windows: {@code ^\d+[smhdw]?$}, a number followed
 * by an optional unit (seconds when there is none), e.g. {@code 12h}, {@code 90d}, {@code 3600}.
 */
public final class TimeWindow {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})([smhdw]?)");

    private TimeWindow() {
    }

    /** @throws IllegalArgumentException with the expected syntax when {@code text} does not match it */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time window: expected a number with an optional unit"
                    + " s, m, h, d or w (seconds when none), e.g. 12h or 90d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(amount * 7);
            default -> Duration.ofSeconds(amount);
        };
    }
}
