package io.logsearch.indexer.load;

import io.logsearch.indexer.ecs.DocumentBytes;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventDocument;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.WriteOutcomes;
import io.logsearch.storage.WriteSession;

/**
 * Writes events into the store through one write session, and counts each one's outcome: indexed,
 * duplicate, or rejected for its content (to the rejection sink, with the store's reason). The
 * store waits out back-pressure, so {@link #write} blocks meanwhile; past
 * {@link BulkSettings#maxRetryWait()} without progress, or when the store refuses to write, the
 * load fails.
 */
public final class StoreEventWriter implements EventSink {

    private final WriteSession<Pending> session;
    private final DocumentBytes json = new DocumentBytes();

    private record Pending(RecordOrigin origin, String original) {
    }

    public StoreEventWriter(EventStore store, BulkSettings settings, RejectionSink rejections, LoadCounters counters) {
        this.session = store.writer().open(settings, new Outcomes(new CountedRejections(rejections, counters), counters));
    }

    @Override
    public void write(NormalizedEvent event, RecordOrigin origin) {
        String original = event.document().path("event").path("original").asText();
        EventDocument document = new EventDocument(event.id(), event.timestamp(), json.of(event.document()));
        try {
            session.create(document, new Pending(origin, original));
        } catch (StorageException e) {
            throw LoadFailedException.of(e.detail(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (StorageException e) {
            throw LoadFailedException.of(e.detail(), e);
        }
    }

    private record Outcomes(RejectionSink rejections, LoadCounters counters) implements WriteOutcomes<Pending> {

        @Override
        public void created(Pending pending) {
            counters.indexed.incrementAndGet();
        }

        @Override
        public void duplicate(Pending pending) {
            counters.duplicates.incrementAndGet();
        }

        @Override
        public void rejected(Pending pending, String reason) {
            RecordOrigin origin = pending.origin();
            rejections.reject(new Rejection(origin.source(), origin.file(), origin.position().toString(), reason, pending.original()));
        }

        @Override
        public void retried() {
            counters.retries.incrementAndGet();
        }
    }
}
