package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Deletes whole partitions that ended before a cutoff. Works without ILM (the local node has none):
 * a partition's end is read from its name. The partition of the current day (or month) is never
 * deleted, whatever the cutoff.
 */
public final class Retention {

    private final EventIndex index;

    public Retention(EventIndex index) {
        this.index = index;
    }

    /** The partitions that end at or before {@code cutoff}, excluding the one {@code now} falls in, sorted. */
    public List<String> expired(Instant cutoff, Instant now) throws IOException {
        String current = index.partitions().indexFor(now);
        return partitions().stream()
                .filter(name -> !name.equals(current))
                .filter(name -> index.partitions().endOf(name).filter(end -> !end.isAfter(cutoff)).isPresent())
                .sorted()
                .toList();
    }

    /** Deletes the named partitions. */
    public void delete(List<String> partitions) throws IOException {
        for (String name : partitions) {
            index.client().indices().delete(d -> d.index(name));
        }
    }

    private List<String> partitions() throws IOException {
        return index.client().indices()
                .get(g -> g.index(index.partitions().allPartitions()).expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed)
                        .ignoreUnavailable(true).allowNoIndices(true))
                .result().keySet().stream()
                .filter(name -> index.partitions().endOf(name).isPresent())
                .toList();
    }
}
