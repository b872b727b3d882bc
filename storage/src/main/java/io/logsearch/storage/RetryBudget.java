package io.logsearch.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a writer waits out the store pushing back. Pauses grow exponentially from 200 ms to at
 * most 10 s; the clock starts at the first failure and is reset whenever the store makes progress,
 * so the writer gives up once the store has accepted nothing for the whole budget. Shared by every
 * request of a load: once it is spent, requests still retrying give up too.
 */
public final class RetryBudget {

    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final Duration budget;
    private long troubleSinceNanos;
    private boolean inTrouble;

    public RetryBudget(Duration budget) {
        this.budget = budget;
    }

    /** The store accepted (or definitively answered) something: the clock starts afresh at the next failure. */
    public synchronized void progress() {
        inTrouble = false;
    }

    /**
     * The pause before the {@code retry}-th retry (1 for the first) of one request, or empty when
     * the budget is spent.
     */
    public synchronized Optional<Duration> pauseBefore(int retry) {
        long now = System.nanoTime();
        if (!inTrouble) {
            inTrouble = true;
            troubleSinceNanos = now;
        }
        long leftMillis = budget.minusNanos(now - troubleSinceNanos).toMillis();
        if (leftMillis <= 0) {
            return Optional.empty();
        }
        long exponential = FIRST_PAUSE_MILLIS << Math.min(retry - 1, 10);
        return Optional.of(Duration.ofMillis(Math.min(Math.min(exponential, LONGEST_PAUSE_MILLIS), leftMillis)));
    }

    /** How long the store has been accepting nothing, rounded to whole seconds for messages. */
    public synchronized long troubleSeconds() {
        return inTrouble ? Math.round((System.nanoTime() - troubleSinceNanos) / 1e9) : 0;
    }
}
