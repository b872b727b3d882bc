package io.logsearch.api.query;

/** Which part of each stored document a search returns. */
public enum Projection {
    /** The ECS document without {@code event.original}: what the native API serves by default. */
    DOCUMENT,
    /** The whole ECS document. */
    DOCUMENT_WITH_ORIGINAL,
    /** Only {@code event.original}: what the vendor facades give back. */
    ORIGINAL
}
