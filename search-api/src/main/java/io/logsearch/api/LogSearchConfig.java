package io.logsearch.api;

import io.logsearch.elasticsearch.EventIndex;

/** The plugin's configuration, set in the consumer passed to {@link LogSearchPlugin}. */
public final class LogSearchConfig {

    /** The events to serve. Required. */
    public EventIndex index;

    /** A path prefix every route is mounted under, e.g. {@code /audit}; empty for the root. */
    public String pathPrefix = "";

    String prefix() {
        String trimmed = pathPrefix == null ? "" : pathPrefix.trim();
        if (trimmed.isEmpty() || trimmed.equals("/")) {
            return "";
        }
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }
}
