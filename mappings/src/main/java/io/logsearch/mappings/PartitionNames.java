package io.logsearch.mappings;

import java.time.Instant;

/**
 * {@link Partitioning#indexFor} for a stream of events, named once per UTC day: exports come in time
 * order, and formatting the name costs more per event than the rest of writing its bulk action.
 * Every partition, daily or monthly, begins and ends at a UTC midnight, so one day never spans two.
 * Not thread-safe: one per writer.
 */
public final class PartitionNames {

    private static final long SECONDS_PER_DAY = 86_400;

    private final Partitioning partitions;
    private long day = Long.MIN_VALUE;
    private String name = "";

    public PartitionNames(Partitioning partitions) {
        this.partitions = partitions;
    }

    /** As {@link Partitioning#indexFor}, failing alike for timestamps outside the years 0000 to 9999. */
    public String indexFor(Instant timestamp) {
        long epochDay = Math.floorDiv(timestamp.getEpochSecond(), SECONDS_PER_DAY);
        if (epochDay != day) {
            name = partitions.indexFor(timestamp);
            day = epochDay;
        }
        return name;
    }
}
