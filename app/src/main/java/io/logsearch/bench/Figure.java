package io.logsearch.bench;

import java.util.Locale;
import java.util.Optional;

/** One measured figure, its target and whether the target was met (empty when it has none). */
public record Figure(String measure, String result, String target, Optional<Boolean> met) {

    /** A ratio against its target: {@code atLeast} for "≥", otherwise "≤". */
    public static Figure ratio(String measure, String detail, double ratio, double target, boolean atLeast) {
        boolean met = atLeast ? ratio >= target : ratio <= target;
        return new Figure(measure, detail + ": " + format("%.2f", ratio), (atLeast ? "≥ " : "≤ ") + format("%.2f", target), Optional.of(met));
    }

    public static Figure rate(String measure, double eventsPerSecond, double target) {
        return new Figure(measure, format("%,.0f events/s", eventsPerSecond), format("≥ %,.0f events/s", target),
                Optional.of(eventsPerSecond >= target));
    }

    /** A count against the most it may be. */
    public static Figure atMost(String measure, long value, long target, String unit) {
        return new Figure(measure, format("%,d %s", value, unit), format("≤ %,d %s", target, unit), Optional.of(value <= target));
    }

    /** Whether something held, e.g. a run finished without running out of memory. */
    public static Figure held(String measure, boolean held, String result, String target) {
        return new Figure(measure, result, target, Optional.of(held));
    }

    public static Figure info(String measure, String result) {
        return new Figure(measure, result, "–", Optional.empty());
    }

    public String verdict() {
        return met.map(m -> m ? "met" : "missed").orElse("–");
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
