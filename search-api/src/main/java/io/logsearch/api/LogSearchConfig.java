package io.logsearch.api;

import io.logsearch.api.auth.Tokens;
import io.logsearch.api.ingest.IngestHandler;
import io.logsearch.api.integrity.IntegrityCheck;
import io.logsearch.storage.EventStore;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The plugin's configuration, set in the consumer passed to {@link LogSearchPlugin}. */
public final class LogSearchConfig {

    /** The events to serve, e.g. {@code EsEventStore.on(client, Partitioning.daily("logsearch-events"), 0)}. Required. */
    public EventStore store;

    /** A path prefix every route is mounted under, e.g. {@code /audit}; empty for the root. */
    public String pathPrefix = "";

    /** Bearer tokens; without them every request is allowed. */
    public Optional<Tokens> tokens = Optional.empty();

    /**
     * The key paging cursors are signed with (at least 16 bytes). Without one, a random key is made
     * at start-up, and cursors stop working when the process restarts.
     */
    public Optional<byte[]> cursorSecret = Optional.empty();

    /**
     * The largest request body {@code POST /v1/ingest/{source}} takes, as sent; decompressed, a
     * gzip body may grow to 16 times this.
     */
    public long maxIngestBytes = IngestHandler.DEFAULT_MAX_BODY_BYTES;

    /** What {@code GET /v1/integrity} verifies with; without it the endpoint answers 404. */
    public Optional<IntegrityCheck> integrity = Optional.empty();
    /** Whether every request under {@code /v1} and {@code /compat} is recorded in the access log's store. */
    public boolean accessLog = true;

    /**
     * More parts of {@code /health}'s answer, by name, each written as JSON when asked (e.g. {@code serve --poll}'s
     * pollers); they report, they do not change the answer's status, which is Elasticsearch's.
     */
    public Map<String, Supplier<?>> health = Map.of();

    /** How many access events may wait to be written; more are dropped (and counted) while the store is slow or down. */
    public int accessLogCapacity = 10_000;

    String prefix() {
        String trimmed = pathPrefix == null ? "" : pathPrefix.trim();
        if (trimmed.isEmpty() || trimmed.equals("/")) {
            return "";
        }
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }

    static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
