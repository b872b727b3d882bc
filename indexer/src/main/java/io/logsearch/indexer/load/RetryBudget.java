package io.logsearch.indexer.load;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a load waits out Elasticsearch pushing back. Pauses grow exponentially from 200 ms to at
 * most 10 s; the clock starts at the first failure and is reset whenever Elasticsearch makes
 * progress, so the load gives up once the cluster has accepted nothing for the whole budget. Shared
 * by every bulk request of a load: once it is spent, requests still retrying give up too.
 */
final class RetryBudget {

    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final Duration budget;
    private long troubleSinceNanos;
    private boolean inTrouble;

    RetryBudget(Duration budget) {
        this.budget = budget;
    }

    /** Elasticsearch accepted (or definitively answered) something: the clock starts afresh at the next failure. */
    synchronized void progress() {
        inTrouble = false;
    }

    /**
     * The pause before the {@code retry}-th retry (1 for the first) of one request, or empty when
     * the budget is spent.
     */
    synchronized Optional<Duration> pauseBefore(int retry) {
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

    /** How long Elasticsearch has been accepting nothing, rounded to whole seconds for messages. */
    synchronized long troubleSeconds() {
        return inTrouble ? Math.round((System.nanoTime() - troubleSinceNanos) / 1e9) : 0;
    }
}
