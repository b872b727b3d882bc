package io.logsearch.api.query;

/** Event order: newest first (the default) or oldest first. */
public enum SortOrder {
    DESC,
    ASC
}
