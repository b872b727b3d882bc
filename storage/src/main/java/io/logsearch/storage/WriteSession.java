package io.logsearch.storage;

/**
 * Events on their way into the store, at most {@link BulkSettings#concurrentRequests()} requests
 * of them in flight at once.
 *
 * @param <C> what the caller attaches to each event to recognise its outcome
 */
public interface WriteSession<C> extends AutoCloseable {

    /**
     * Queues one event; blocks while earlier ones are being written (back-pressure).
     *
     * @throws StorageException when the session gave up: the store refused to write, or pushed back
     *         past the retry budget. Outcomes already settled have been reported.
     */
    void create(EventDocument event, C context);

    /**
     * Writes what is queued and waits until every outcome is reported.
     *
     * @throws StorageException when the session gave up, unless {@link #create} threw it already
     */
    @Override
    void close();
}
