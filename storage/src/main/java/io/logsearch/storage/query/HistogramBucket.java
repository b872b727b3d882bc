package io.logsearch.storage.query;

import java.time.Instant;

/** Events in one time bucket, and how many of them succeeded and failed. */
public record HistogramBucket(Instant start, long count, long success, long failure) {
}
