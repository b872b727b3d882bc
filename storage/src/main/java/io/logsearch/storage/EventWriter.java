package io.logsearch.storage;

/** Writes events into the partitions of their days. */
public interface EventWriter {

    /**
     * Opens a session that creates events, never overwriting one whose id exists, and reports each
     * one's final outcome to {@code outcomes} with the context it was given. The store's pushing
     * back is waited out within {@link BulkSettings#maxRetryWait()}.
     */
    <C> WriteSession<C> open(BulkSettings settings, WriteOutcomes<C> outcomes);
}
