package io.logsearch.indexer.load;

/** Where rejected records go: the dead-letter file of a load, or the error list of an ingest request. */
@FunctionalInterface
public interface RejectionSink {

    /** Must be safe to call from several threads. */
    void reject(Rejection rejection);
}
