package io.logsearch.storage.query;

import io.logsearch.mappings.Partitioning;
import java.time.Duration;
import java.time.Instant;

/**
 * An absolute, inclusive time range over {@code @timestamp}, clamped to the instants that
 * partitions can be named for ({@link Partitioning#EARLIEST} to {@link Partitioning#LATEST}):
 * no event lies outside them, and the clamped range always translates into a short query.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the range ends (" + end + ") before it starts (" + start + ")");
        }
        start = Partitioning.clamp(start);
        end = Partitioning.clamp(end);
    }

    /** The {@code span} up to {@code now}; a span reaching back before the earliest partition starts there. */
    public static TimeRange last(Duration span, Instant now) {
        boolean reachesBack = span.compareTo(Duration.between(Partitioning.EARLIEST, now)) >= 0;
        return new TimeRange(reachesBack ? Partitioning.EARLIEST : now.minus(span), now);
    }
}
