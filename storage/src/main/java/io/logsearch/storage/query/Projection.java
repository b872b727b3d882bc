package io.logsearch.storage.query;

/** Which part of each stored document a search returns. */
public enum Projection {
    /** The ECS document without {@code event.original}: what the native API serves by default. */
    DOCUMENT,
    /** The whole ECS document. */
    DOCUMENT_WITH_ORIGINAL,
    /** {@code event.original} and {@code @timestamp}: what the vendor facades give back, and the precise time to order it by. */
    ORIGINAL
}
