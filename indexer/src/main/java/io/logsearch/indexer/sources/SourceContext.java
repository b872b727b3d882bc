package io.logsearch.indexer.sources;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Values a source's records do not carry themselves: ActionHub's user id and program id, Authing's
 * user pool id. They come from CLI flags, ingest query parameters, or a wrapper object in the export.
 */
public record SourceContext(Map<String, String> values) {

    public static final String USER_ID = "userId";
    public static final String PROGRAM_ID = "programId";
    public static final String USER_POOL_ID = "userPoolId";

    public static final SourceContext EMPTY = new SourceContext(Map.of());

    public SourceContext {
        values = Map.copyOf(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** The value for {@code key}, or a rejection naming the missing context and how to give it. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new RejectedRecordException(
                "missing context '" + key + "': give it on the command line, as an ingest parameter, or in a wrapper object next to the records"));
    }

    /** This context with {@code overrides} taking precedence. */
    public SourceContext with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        overrides.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return new SourceContext(merged);
    }
}
