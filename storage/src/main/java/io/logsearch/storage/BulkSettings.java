package io.logsearch.storage;

import java.time.Duration;

/**
 * How bulk requests are sized and retried.
 *
 * @param concurrentRequests bulk requests in flight at once, those waiting out back-pressure included
 * @param maxRequestBytes    a request is sent when its documents reach this size
 * @param flushInterval      a partial request is sent after this long
 * @param maxRetryWait       how long Elasticsearch may push back (429, 5xx, unreachable) without
 *                           accepting anything, at the start or during the writes, before the load fails
 */
public record BulkSettings(int concurrentRequests, long maxRequestBytes, Duration flushInterval, Duration maxRetryWait) {

    public static final BulkSettings DEFAULTS = new BulkSettings(2, 5L * 1024 * 1024, Duration.ofSeconds(1), Duration.ofMinutes(2));

    public BulkSettings {
        if (concurrentRequests < 1) {
            throw new IllegalArgumentException("at least one bulk request must be allowed in flight");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("bulk requests must be allowed at least 1 KB");
        }
    }

    public BulkSettings withMaxRetryWait(Duration wait) {
        return new BulkSettings(concurrentRequests, maxRequestBytes, flushInterval, wait);
    }
}
