package io.logsearch.generator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * How busy each hour of a time span is: people work more in the (UTC) afternoon, when Europe and the
 * Americas overlap, and less at weekends. Maps evenly spread points onto the span accordingly,
 * preserving their order.
 */
final class ActivityCurve {

    private static final double[] HOUR_OF_DAY_UTC = {
        0.30, 0.25, 0.25, 0.30, 0.35, 0.45, 0.60, 0.75, 0.85, 0.90, 0.95, 0.95,
        1.00, 1.00, 1.00, 1.00, 0.95, 0.90, 0.80, 0.70, 0.60, 0.50, 0.40, 0.35,
    };
    private static final double WEEKEND = 0.35;

    private final double[] cumulative;

    private ActivityCurve(double[] cumulative) {
        this.cumulative = cumulative;
    }

    static ActivityCurve over(Instant start, int days) {
        int hours = days * 24;
        double[] cumulative = new double[hours + 1];
        ZonedDateTime hour = start.atZone(ZoneOffset.UTC);
        for (int i = 0; i < hours; i++) {
            DayOfWeek day = hour.getDayOfWeek();
            double weekday = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : 1.0;
            cumulative[i + 1] = cumulative[i] + HOUR_OF_DAY_UTC[hour.getHour()] * weekday;
            hour = hour.plusHours(1);
        }
        double total = cumulative[hours];
        for (int i = 0; i <= hours; i++) {
            cumulative[i] /= total;
        }
        return new ActivityCurve(cumulative);
    }

    /** The fraction of the span, in [0, 1], below which a share {@code p} of the activity lies. */
    double quantile(double p) {
        int found = Arrays.binarySearch(cumulative, p);
        if (found >= 0) {
            return (double) found / (cumulative.length - 1);
        }
        int hour = Math.max(-found - 2, 0);
        if (hour >= cumulative.length - 1) {
            return 1.0;
        }
        double within = (p - cumulative[hour]) / (cumulative[hour + 1] - cumulative[hour]);
        return (hour + within) / (cumulative.length - 1);
    }
}
