package io.logsearch.storage.query;

import io.logsearch.mappings.Partitioning;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An absolute, inclusive time range over {@code @timestamp}, clamped to the instants that
 * partitions can be named for ({@link Partitioning#EARLIEST} to {@link Partitioning#LATEST}):
 * no event lies outside them, and the clamped range always translates into a short query.
 */
public record TimeRange(Instant start, Instant end) {

    /** A bound of a requested range. */
    public enum Bound { START, END, WINDOW }

    /** Why a requested range was refused. */
    public enum Refusal {
        /** A window was given together with a start or an end. */
        WINDOW_WITH_DATES,
        /** The end given lies before the start given. */
        END_BEFORE_START,
        /** Only a start was given, and it lies after now, where the range then ends. */
        START_AFTER_NOW
    }

    /** Told which bound of a requested range is wrong, and why; each API words it in its own way. */
    @FunctionalInterface
    public interface Refusals {
        void refuse(Bound bound, Refusal refusal);
    }

    /** Every instant an event can be stamped with, to the millisecond: what a search without a range covers. */
    public static final TimeRange ALL_TIME = new TimeRange(Partitioning.EARLIEST, Partitioning.LATEST.truncatedTo(ChronoUnit.MILLIS));

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

    /**
     * The range a request asks for, by the rules every API of logsearch shares: a window reaches
     * back from {@code now} and excludes a start or an end; a start alone runs to {@code now}; an
     * end alone runs from the earliest instant; both bounds are inclusive; nothing given is no
     * range; {@code now} counts to the millisecond, as stored timestamps do. A refused range is told to {@code refusals}, naming the bound at fault, and is empty.
     */
    public static Optional<TimeRange> resolve(Optional<Instant> start, Optional<Instant> end, Optional<Duration> window,
            Instant now, Refusals refusals) {
        Instant until = now.truncatedTo(ChronoUnit.MILLIS);
        if (window.isPresent()) {
            if (start.isPresent() || end.isPresent()) {
                refusals.refuse(Bound.WINDOW, Refusal.WINDOW_WITH_DATES);
                return Optional.empty();
            }
            return Optional.of(last(window.get(), until));
        }
        if (start.isEmpty() && end.isEmpty()) {
            return Optional.empty();
        }
        Instant from = start.orElse(Partitioning.EARLIEST);
        Instant to = end.orElse(until);
        if (to.isBefore(from)) {
            refusals.refuse(end.isPresent() ? Bound.END : Bound.START, end.isPresent() ? Refusal.END_BEFORE_START : Refusal.START_AFTER_NOW);
            return Optional.empty();
        }
        return Optional.of(new TimeRange(from, to));
    }
}
