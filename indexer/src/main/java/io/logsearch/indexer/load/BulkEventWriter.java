package io.logsearch.indexer.load;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.sources.NormalizedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes events with {@code create} actions through a {@link BulkIngester}, into the partition of
 * each event's day. Outcomes are counted per item: created, duplicate (409), or rejected for its
 * content (with Elasticsearch's reason). Back-pressure — 429/503 items, failed requests, lost
 * connections — is retried with exponential backoff until {@link BulkSettings#maxRetryWait()} is
 * spent, after which the load fails.
 */
public final class BulkEventWriter implements EventSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

    private final EventIndex index;
    private final BulkSettings settings;
    private final RejectionSink rejections;
    private final LoadCounters counters;
    private final BulkIngester<Pending> ingester;
    private final AtomicReference<LoadFailedException> failure = new AtomicReference<>();

    private record Pending(RecordOrigin origin, String original) {
    }

    public BulkEventWriter(EventIndex index, BulkSettings settings, RejectionSink rejections, LoadCounters counters) {
        this.index = index;
        this.settings = settings;
        this.rejections = rejections;
        this.counters = counters;
        this.ingester = BulkIngester.of(b -> b
                .client(index.client())
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
        byte[] document;
        try {
            document = JSON.writeValueAsBytes(event.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ECS document could not be serialised", e);
        }
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
        throwIfFailed();
    }

    private void throwIfFailed() {
        LoadFailedException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    private final class Listener implements BulkListener<Pending> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            settle(request.operations(), contexts, response, null);
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            settle(request.operations(), contexts, null, failure);
        }
    }

    /** Counts final outcomes and re-sends what Elasticsearch could not take yet, until the retry budget is spent. */
    private void settle(List<BulkOperation> operations, List<Pending> contexts, BulkResponse response, Throwable error) {
        Backoff backoff = new Backoff(settings.maxRetryWait());
        List<BulkOperation> ops = operations;
        List<Pending> pending = contexts;
        BulkResponse current = response;
        Throwable currentError = error;
        while (failure.get() == null) {
            if (current != null) {
                List<Integer> retry = account(current, pending);
                if (retry.isEmpty()) {
                    return;
                }
                List<BulkOperation> retryOps = new ArrayList<>();
                List<Pending> retryPending = new ArrayList<>();
                for (int i : retry) {
                    retryOps.add(ops.get(i));
                    retryPending.add(pending.get(i));
                }
                ops = retryOps;
                pending = retryPending;
                currentError = null;
            } else if (!isRetryable(currentError)) {
                fail("Elasticsearch refused the bulk request: " + describe(currentError), currentError);
                return;
            }
            if (!backoff.pause()) {
                fail("Elasticsearch did not accept writes within " + settings.maxRetryWait().toSeconds() + " s of retries"
                        + (currentError == null ? " (it kept answering 429/503)" : ": " + describe(currentError)), currentError);
                return;
            }
            counters.retries.incrementAndGet();
            try {
                List<BulkOperation> send = ops;
                current = index.client().bulk(b -> b.operations(send));
            } catch (IOException | RuntimeException e) {
                current = null;
                currentError = e;
            }
        }
    }

    /** Counts each item's outcome; returns the positions that should be tried again. */
    private List<Integer> account(BulkResponse response, List<Pending> pending) {
        List<Integer> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                counters.indexed.incrementAndGet();
            } else if (item.status() == 409) {
                counters.duplicates.incrementAndGet();
            } else if (RETRYABLE_STATUS.contains(item.status())) {
                retry.add(i);
            } else {
                Pending p = pending.get(i);
                counters.rejected.incrementAndGet();
                rejections.reject(new Rejection(p.origin().source(), p.origin().file(), p.origin().position().toString(),
                        "Elasticsearch rejected the document: " + reason(item.error()), p.original()));
            }
        }
        return retry;
    }

    private void fail(String message, Throwable cause) {
        failure.compareAndSet(null, new LoadFailedException(message, cause));
    }

    private static boolean isRetryable(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return RETRYABLE_STATUS.contains(es.status());
        }
        if (error instanceof TransportException transport) {
            return transport.statusCode() <= 0 || RETRYABLE_STATUS.contains(transport.statusCode());
        }
        return error instanceof IOException || error.getCause() instanceof IOException;
    }

    private static String describe(Throwable error) {
        return error == null ? "" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static String reason(ErrorCause error) {
        String reason = error.type() + ": " + error.reason();
        return error.causedBy() == null ? reason : reason + " (caused by " + error.causedBy().type() + ": " + error.causedBy().reason() + ")";
    }

    /** Exponential backoff from 200 ms, doubling to at most 10 s per pause, within a total budget. */
    private static final class Backoff {
        private final Instant deadline;
        private long nextMillis = 200;

        Backoff(Duration budget) {
            this.deadline = Instant.now().plus(budget);
        }

        boolean pause() {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            long wait = Math.min(nextMillis, left);
            nextMillis = Math.min(nextMillis * 2, 10_000);
            try {
                Thread.sleep(wait);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
