package io.logsearch.generator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What to generate: {@code events} records with timestamps in {@code [until - days, until]}, drawn
 * from a random stream seeded with {@code seed}. The same spec always gives the same bytes.
 *
 * @param until end of the time span, truncated to whole seconds
 */
public record GeneratorSpec(long events, int days, long seed, Instant until) {

    public static final int MAX_DAYS = 3650;

    public GeneratorSpec {
        if (events < 0) {
            throw new IllegalArgumentException("events must be 0 or more, got " + events);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        if (until == null) {
            throw new IllegalArgumentException("until (the end of the time span) is required");
        }
        until = until.truncatedTo(ChronoUnit.SECONDS);
        if (until.minus(Duration.ofDays(days)).isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("until must be at least " + days + " days after " + Instant.EPOCH
                    + " so that the span starts after it, got " + until);
        }
    }

    /** A spec ending at the start of the current UTC day, so that a seed gives the same export all day. */
    public static GeneratorSpec of(long events, int days, long seed) {
        return new GeneratorSpec(events, days, seed, startOfDay(Clock.systemUTC()));
    }

    public static Instant startOfDay(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.DAYS);
    }

    public GeneratorSpec withUntil(Instant newUntil) {
        return new GeneratorSpec(events, days, seed, newUntil);
    }

    /** The start of the time span: {@code days} days before {@code until}. */
    public Instant start() {
        return until.minus(Duration.ofDays(days));
    }
}
