package io.logsearch.storage.query;

/** One frequent value and how many matching events carry it. */
public record TopBucket(String value, long count) {
}
