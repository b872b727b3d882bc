package io.logsearch.storage.query;

/** Event order: newest first (the default) or oldest first. */
public enum SortOrder {
    DESC,
    ASC
}
