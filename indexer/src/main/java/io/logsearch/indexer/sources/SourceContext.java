package io.logsearch.indexer.sources;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Values a source's records do not carry themselves: ActionHub's user id and program id, Authing's
 * user pool id. They come from CLI flags, ingest query parameters, or a wrapper object in the export;
 * {@code given} says which of the first two the caller uses, so a rejection names the right one.
 */
public record SourceContext(Map<String, String> values, Given given) {

    public static final String USER_ID = "userId";
    public static final String PROGRAM_ID = "programId";
    public static final String USER_POOL_ID = "userPoolId";

    public static final SourceContext EMPTY = new SourceContext(Map.of());

    /** Where a caller gives context: the command line's flags or the ingest endpoint's query parameters. */
    public enum Given {
        COMMAND_LINE {
            @Override
            String howToGive(String key) {
                return "with --" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            }
        },
        INGEST_PARAMETERS {
            @Override
            String howToGive(String key) {
                return "as the " + key + " query parameter";
            }
        };

        abstract String howToGive(String key);
    }

    public SourceContext {
        values = Map.copyOf(values);
    }

    /** Context given on the command line. */
    public SourceContext(Map<String, String> values) {
        this(values, Given.COMMAND_LINE);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** The value for {@code key}, or a rejection naming the missing context and how to give it. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new RejectedRecordException(
                "missing context '" + key + "': give it " + given.howToGive(key) + ", or in a wrapper object next to the records"));
    }

    /** This context with {@code overrides} taking precedence. */
    public SourceContext with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        overrides.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return new SourceContext(merged, given);
    }

    /** This context with only the keys {@code kept} names. */
    public SourceContext only(Collection<String> kept) {
        Map<String, String> filtered = new TreeMap<>(values);
        filtered.keySet().retainAll(kept);
        return new SourceContext(filtered, given);
    }
}
