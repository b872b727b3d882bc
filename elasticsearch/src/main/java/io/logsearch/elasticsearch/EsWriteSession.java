package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.logsearch.mappings.PartitionNames;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventDocument;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.WriteOutcomes;
import io.logsearch.storage.WriteSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Events on their way through a {@link BulkIngester}. Outcomes are reported per item: created,
 * duplicate (409), or rejected for its content (any other 4xx, with Elasticsearch's reason).
 * Back-pressure (429, 5xx, lost connections, for whole requests or single items) is waited out by
 * the {@link RetryingBulkTransport} the ingester sends through, so at most
 * {@link BulkSettings#concurrentRequests()} requests, retrying or not, are in flight and
 * {@link #create} blocks meanwhile.
 */
final class EsWriteSession<C> implements WriteSession<C> {

    /** create() is called by one thread, the writer's. */
    private final PartitionNames partitions;
    private final WriteOutcomes<C> outcomes;
    private final BulkIngester<C> ingester;
    private final AtomicReference<StorageException> failure = new AtomicReference<>();
    private boolean failureThrown;

    EsWriteSession(ElasticsearchAsyncClient client, Partitioning partitions, BulkSettings settings, WriteOutcomes<C> outcomes) {
        this.partitions = new PartitionNames(partitions);
        this.outcomes = outcomes;
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
    public void create(EventDocument event, C context) {
        throwIfFailed();
        String partition = partitions.indexFor(event.timestamp());
        ingester.add(op -> op.create(c -> c
                        .index(partition)
                        .id(event.id())
                        .document(BinaryData.of(event.json(), ContentType.APPLICATION_JSON))),
                context);
    }

    @Override
    public void close() {
        ingester.close();
        // once create() has thrown the failure it is on its way up; throwing it again here would make
        // try-with-resources suppress the exception into itself
        if (!failureThrown) {
            throwIfFailed();
        }
    }

    private void throwIfFailed() {
        StorageException failed = failure.get();
        if (failed != null) {
            failureThrown = true;
            throw failed;
        }
    }

    private final class Listener implements BulkListener<C> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<C> contexts) {
        }

        /** The ingester runs this on a scheduler that drops what it throws, so nothing may escape unreported. */
        @Override
        public void afterBulk(long executionId, BulkRequest request, List<C> contexts, BulkResponse response) {
            try {
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    account(items.get(i), contexts.get(i));
                }
            } catch (RuntimeException e) {
                fail(FailureKind.FATAL, "the outcome of a bulk request could not be recorded: " + Failures.describe(e), e);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<C> contexts, Throwable error) {
            Throwable cause = Failures.unwrap(error);
            if (cause instanceof BulkGaveUpException gaveUp) {
                fail(Failures.kindOf(gaveUp.getCause()), gaveUp.getMessage(), gaveUp.getCause());
                try {
                    List<Optional<BulkResponseItem>> settled = gaveUp.settled();
                    for (int i = 0; i < settled.size(); i++) {
                        C context = contexts.get(i);
                        settled.get(i).ifPresent(item -> account(item, context));
                    }
                } catch (RuntimeException e) {
                    failure.get().addSuppressed(e);
                }
            } else {
                fail(Failures.kindOf(cause), "a bulk request failed unexpectedly: " + Failures.describe(cause), cause);
            }
        }
    }

    /** Reports one item's final outcome; anything but success and 409 is a rejection of the document itself. */
    private void account(BulkResponseItem item, C context) {
        if (item.error() == null) {
            outcomes.created(context);
        } else if (item.status() == 409) {
            outcomes.duplicate(context);
        } else {
            outcomes.rejected(context, "Elasticsearch rejected the document: HTTP " + item.status() + " " + Failures.describe(item.error()));
        }
    }

    private void fail(FailureKind kind, String detail, Throwable cause) {
        failure.compareAndSet(null, new StorageException(kind, Failures.safeMessage(kind), detail, cause));
    }
}
