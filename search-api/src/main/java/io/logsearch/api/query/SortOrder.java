package io.logsearch.api.query;

/** Event order: newest first (the default) or oldest first. */
public enum SortOrder {
    DESC,
    ASC;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
