package io.logsearch.poller;

import java.time.Duration;
import java.time.Instant;

/**
 * How a poller runs.
 *
 * @param firstSince     where the first run starts, without a checkpoint
 * @param overlap        how far each run reaches back before the end of the last one, for events the
 *                       vendor makes visible late; re-read events are duplicates, never written twice
 * @param requestTimeout how long one request may take, body included, before it counts as a dropped connection
 * @param firstRetry     the first pause after a 5xx or a connection error; it doubles with each retry
 * @param maxRetry       the longest pause between retries (and the longest {@code Retry-After} waited)
 * @param giveUpAfter    how long a vendor may fail without answering one page before the run fails
 */
public record PollSettings(Instant firstSince, Duration overlap, Duration requestTimeout, Duration firstRetry,
                           Duration maxRetry, Duration giveUpAfter) {

    public static final PollSettings DEFAULTS = new PollSettings(Instant.EPOCH, Duration.ofMinutes(15), Duration.ofSeconds(60),
            Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(10));

    public PollSettings {
        if (overlap.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero() || firstRetry.isNegative()
                || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("invalid poll settings: " + overlap + ", " + requestTimeout + ", " + firstRetry + ", " + maxRetry);
        }
    }

    public PollSettings withFirstSince(Instant since) {
        return new PollSettings(since, overlap, requestTimeout, firstRetry, maxRetry, giveUpAfter);
    }

    public PollSettings withOverlap(Duration window) {
        return new PollSettings(firstSince, window, requestTimeout, firstRetry, maxRetry, giveUpAfter);
    }

    public PollSettings withRequestTimeout(Duration timeout) {
        return new PollSettings(firstSince, overlap, timeout, firstRetry, maxRetry, giveUpAfter);
    }
}
