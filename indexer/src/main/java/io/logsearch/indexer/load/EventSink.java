package io.logsearch.indexer.load;

import io.logsearch.indexer.sources.NormalizedEvent;

/** Where normalised events go: Elasticsearch, or bulk NDJSON on a stream. */
public interface EventSink extends AutoCloseable {

    /**
     * Accepts one event; may block while earlier events are being written (back-pressure).
     *
     * @throws LoadFailedException when writing can no longer continue
     */
    void write(NormalizedEvent event, RecordOrigin origin);

    /** Writes what is pending and waits for every outcome to be counted. */
    @Override
    void close();
}
