package io.logsearch.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a source's polling stands: the next run asks for events from {@code since}; {@code pending}
 * is the next page of a run that was stopped or killed before its end, to be resumed first.
 */
public record Checkpoint(Instant since, Optional<PageRequest> pending) {

    public static Checkpoint startingAt(Instant since) {
        return new Checkpoint(since, Optional.empty());
    }

    /** The run reached {@code next}: every event of the pages before it is acknowledged. */
    public Checkpoint at(PageRequest next) {
        return new Checkpoint(since, Optional.of(next));
    }

    /** The run over {@code span} ended: the next one reaches back {@code overlap} before its end. */
    public Checkpoint finished(TimeSpan span, Duration overlap) {
        Instant next = span.until().minus(overlap);
        return new Checkpoint(next.isAfter(since) ? next : since, Optional.empty());
    }
}
