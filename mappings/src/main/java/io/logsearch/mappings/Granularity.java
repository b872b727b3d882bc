package io.logsearch.mappings;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How long one partition lasts: a UTC day (the default) or a UTC month. */
public enum Granularity {
    DAILY(DateTimeFormatter.ofPattern("uuuu.MM.dd"), ChronoUnit.DAYS),
    MONTHLY(DateTimeFormatter.ofPattern("uuuu.MM"), ChronoUnit.MONTHS);

    private final DateTimeFormatter suffix;
    private final ChronoUnit unit;

    Granularity(DateTimeFormatter suffix, ChronoUnit unit) {
        this.suffix = suffix.withZone(ZoneOffset.UTC);
        this.unit = unit;
    }

    DateTimeFormatter suffix() {
        return suffix;
    }

    ChronoUnit unit() {
        return unit;
    }

    ZonedDateTime startOf(ZonedDateTime utc) {
        ZonedDateTime day = utc.truncatedTo(ChronoUnit.DAYS);
        return this == MONTHLY ? day.withDayOfMonth(1) : day;
    }

    /** Parses {@code daily} or {@code monthly}, case-insensitive. */
    public static Granularity parse(String text) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("partition granularity must be 'daily' or 'monthly', not '" + text + "'");
    }
}
