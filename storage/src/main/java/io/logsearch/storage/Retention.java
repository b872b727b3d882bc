package io.logsearch.storage;

import io.logsearch.mappings.Partitioning;
import java.time.Instant;
import java.util.List;

/**
 * Deletes whole partitions that ended before a cutoff. Works without ILM (the local node has none):
 * a partition's end is read from its name. The partition of the current day (or month) is never
 * deleted, whatever the cutoff.
 */
public final class Retention {

    private final Partitioning partitioning;
    private final EventPartitions partitions;

    public Retention(EventStore store) {
        this.partitioning = store.partitions();
        this.partitions = store.partitionAdmin();
    }

    /** The partitions that end at or before {@code cutoff}, excluding the one {@code now} falls in, sorted. */
    public List<String> expired(Instant cutoff, Instant now) {
        String current = partitioning.indexFor(now);
        return partitions.existing().stream()
                .filter(name -> !name.equals(current))
                .filter(name -> partitioning.endOf(name).filter(end -> !end.isAfter(cutoff)).isPresent())
                .sorted()
                .toList();
    }

    /** Deletes the named partitions. */
    public void delete(List<String> names) {
        partitions.delete(names);
    }
}
