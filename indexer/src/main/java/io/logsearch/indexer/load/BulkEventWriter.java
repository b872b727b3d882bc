package io.logsearch.indexer.load;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.sources.NormalizedEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes events with {@code create} actions through a {@link BulkIngester}, into the partition of
 * each event's day. Outcomes are counted per item: created, duplicate (409), or rejected for its
 * content (any other 4xx, with Elasticsearch's reason). Back-pressure (429, 5xx, lost connections,
 * for whole requests or single items) is waited out by the {@link RetryingBulkClient} the ingester
 * sends through, so at most {@link BulkSettings#concurrentRequests()} requests, retrying or not, are
 * in flight and {@link #write} blocks meanwhile; past {@link BulkSettings#maxRetryWait()} without
 * progress the load fails.
 */
public final class BulkEventWriter implements EventSink {

    private final EventIndex index;
    private final RejectionSink rejections;
    private final LoadCounters counters;
    private final BulkIngester<Pending> ingester;
    private final AtomicReference<LoadFailedException> failure = new AtomicReference<>();
    private boolean failureThrown;

    private record Pending(RecordOrigin origin, String original) {
    }

    public BulkEventWriter(EventIndex index, BulkSettings settings, RejectionSink rejections, LoadCounters counters) {
        this.index = index;
        this.rejections = rejections;
        this.counters = counters;
        RetryingBulkClient client = new RetryingBulkClient(index.client(), new RetryBudget(settings.maxRetryWait()), counters);
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxConcurrentRequests(settings.concurrentRequests())
                .maxSize(settings.maxRequestBytes())
                .maxOperations(-1)
                .flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .backoffPolicy(BackoffPolicy.noBackoff())
                .listener(new Listener()));
    }

    @Override
    public void write(NormalizedEvent event, RecordOrigin origin) {
        throwIfFailed();
        byte[] document = CanonicalJson.bytes(event.document());
        String partition = index.partitions().indexFor(event.timestamp());
        String original = event.document().path("event").path("original").asText();
        ingester.add(op -> op.create(c -> c
                        .index(partition)
                        .id(event.id())
                        .document(BinaryData.of(document, ContentType.APPLICATION_JSON))),
                new Pending(origin, original));
    }

    @Override
    public void close() {
        ingester.close();
        // once write() has thrown the failure it is on its way up; throwing it again here would make
        // try-with-resources suppress the exception into itself
        if (!failureThrown) {
            throwIfFailed();
        }
    }

    private void throwIfFailed() {
        LoadFailedException failed = failure.get();
        if (failed != null) {
            failureThrown = true;
            throw failed;
        }
    }

    private final class Listener implements BulkListener<Pending> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
        }

        /** The ingester runs this on a scheduler that drops what it throws, so nothing may escape unreported. */
        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            try {
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    account(items.get(i), contexts.get(i));
                }
            } catch (RuntimeException e) {
                fail("the outcome of a bulk request could not be recorded: " + Failures.describe(e), e);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable error) {
            Throwable cause = Failures.unwrap(error);
            if (cause instanceof BulkGaveUpException gaveUp) {
                fail(gaveUp.getMessage(), gaveUp.getCause());
                try {
                    List<Optional<BulkResponseItem>> settled = gaveUp.settled();
                    for (int i = 0; i < settled.size(); i++) {
                        Pending pending = contexts.get(i);
                        settled.get(i).ifPresent(item -> account(item, pending));
                    }
                } catch (RuntimeException e) {
                    failure.get().addSuppressed(e);
                }
            } else {
                fail("a bulk request failed unexpectedly: " + Failures.describe(cause), cause);
            }
        }
    }

    /** Counts one item's final outcome; anything but success and 409 is a rejection of the document itself. */
    private void account(BulkResponseItem item, Pending pending) {
        if (item.error() == null) {
            counters.indexed.incrementAndGet();
        } else if (item.status() == 409) {
            counters.duplicates.incrementAndGet();
        } else {
            counters.rejected.incrementAndGet();
            rejections.reject(new Rejection(pending.origin().source(), pending.origin().file(), pending.origin().position().toString(),
                    "Elasticsearch rejected the document: HTTP " + item.status() + " " + Failures.describe(item.error()), pending.original()));
        }
    }

    private void fail(String message, Throwable cause) {
        failure.compareAndSet(null, new LoadFailedException(message, cause));
    }
}
