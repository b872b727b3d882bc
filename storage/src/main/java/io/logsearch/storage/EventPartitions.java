package io.logsearch.storage;

import java.util.List;

/** The partitions of an index base as they exist in the store, and the store's health. */
public interface EventPartitions {

    /** The names of the base's partitions that exist, in no particular order. */
    List<String> existing();

    /** Deletes the named partitions. */
    void delete(List<String> partitions);

    /** Makes everything written so far visible to searches. */
    void refresh();

    /** The store's own view of its health, asked with one cheap request. */
    StoreHealth health();
}
