package io.logsearch.storage;

import io.logsearch.mappings.Partitioning;

/**
 * The events of one index base in one store: how they are partitioned, their template, and the
 * narrow interfaces that write, search, aggregate and manage them. Every operation fails with a
 * {@link StorageException}.
 */
public interface EventStore {

    Partitioning partitions();

    default String base() {
        return partitions().base();
    }

    /** Installs the index template unless it is there; true when it was installed now. */
    boolean ensureTemplate();

    /** Installs or replaces the index template. */
    void installTemplate();

    EventWriter writer();

    EventSearch search();

    EventAggregations aggregations();

    EventPartitions partitionAdmin();

    EventDocuments documents();

    /** The base's integrity seal records, apart from its events. */
    SealRecords seals();
    /**
     * The access log of this base: a store of its own partitions ({@code <base>-access-YYYY.MM.DD})
     * and template, which none of this store's searches, aggregations or partition admin reaches.
     */
    EventStore accessLog();

    /** Where the store is, for messages: e.g. {@code Elasticsearch at http://127.0.0.1:9200}. */
    String description();
}
