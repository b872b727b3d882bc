package io.logsearch.api.auth;

import java.util.Locale;

/** What a token may do: search events, ingest events, administer, or read the access log ({@code audit}). */
public enum Scope {
    SEARCH,
    INGEST,
    ADMIN,
    AUDIT;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scope parse(String text) {
        for (Scope scope : values()) {
            if (scope.text().equals(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "' (expected search, ingest, admin or audit)");
    }
}
