package io.logsearch.indexer.load;

import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.Sources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells, for one input, when most of its records were rejected by the source it was loaded as and
 * another source would take them: the sign of a wrong {@code --source}. A rejected record is tried
 * with every other source, its context given, so only the record's own fields decide.
 */
final class SourceSniffer {

    /** Enough rejected records to tell the shape; later ones are only counted. */
    private static final int TRIED = 200;

    private final Source source;
    private final List<Source> others;
    private final Map<Source, SourceContext> givenContext;
    private final Map<Source, Long> takenBy = new LinkedHashMap<>();
    private long read;
    private long rejected;
    private long tried;

    SourceSniffer(Source source) {
        this.source = source;
        this.others = Sources.all().stream().filter(s -> !s.id().equals(source.id())).toList();
        this.givenContext = others.stream().collect(Collectors.toMap(Function.identity(), s -> new SourceContext(
                s.layout().contextFields().values().stream().distinct().collect(Collectors.toMap(k -> k, k -> "given")))));
    }

    /** A record was read (and handed to the source). */
    void read() {
        read++;
    }

    /** The source rejected {@code record}. */
    void rejected(SourceRecord record) {
        rejected++;
        if (tried++ >= TRIED) {
            return;
        }
        for (Source other : others) {
            if (takes(other, record)) {
                takenBy.merge(other, 1L, Long::sum);
            }
        }
    }

    private boolean takes(Source other, SourceRecord record) {
        try {
            other.normalize(record, givenContext.get(other));
            return true;
        } catch (RuntimeException e) {
            // rejected, or a normaliser defect on a record that is not its source's: either way not taken
            return false;
        }
    }

    /** The hint for the input read, when most of its records were rejected and most of those fit one other source. */
    Optional<String> hint(String file) {
        if (rejected * 2 <= read) {
            return Optional.empty();
        }
        long sample = Math.min(tried, TRIED);
        return takenBy.entrySet().stream()
                .filter(e -> e.getValue() * 2 > sample)
                .max(Map.Entry.comparingByValue())
                .map(e -> file + ": " + rejected + " of " + read + " records were rejected as " + source.id()
                        + "; these look like " + e.getKey().id() + " records; try --source " + e.getKey().id());
    }
}
