package io.logsearch.indexer.load;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The client a {@link BulkIngester} sends through. A bulk request's future completes only once every
 * operation has its final answer, so a request that is waiting out back-pressure keeps its place
 * among the ingester's requests in flight, and the reader is held back until it is done. Transient
 * whole-request failures (429, 5xx, refused or lost connections) re-send the request; items answered
 * with 429 or a 5xx are re-sent on their own. Pauses grow exponentially while Elasticsearch accepts
 * none of a request's operations (and start short again once it does), within the load's
 * {@link RetryBudget}; past it the future fails with a {@link BulkGaveUpException}.
 */
final class RetryingBulkClient extends ElasticsearchAsyncClient {

    private final RetryBudget budget;
    private final LoadCounters counters;
    private final String cluster;

    /**
     * What a bulk answer is read for: each item's index, status and error, and a whole request's
     * error. Leaving out the rest of each item (id, version, shards, sequence numbers) makes the
     * answer a fraction of its size, and reading it a fraction of the work.
     */
    private static final String OUTCOMES = "took,errors,items.*._index,items.*.status,items.*.error,error,status";

    RetryingBulkClient(ElasticsearchClient client, RetryBudget budget, LoadCounters counters) {
        super(client._transport(), Optional.ofNullable(client._transportOptions()).orElse(client._transport().options())
                .with(options -> options.setParameter("filter_path", OUTCOMES)));
        this.budget = budget;
        this.counters = counters;
        this.cluster = Failures.clusterName(client);
    }

    @Override
    public CompletableFuture<BulkResponse> bulk(BulkRequest request) {
        return new Batch(request.operations()).start(request);
    }

    private CompletableFuture<BulkResponse> sendOnce(BulkRequest request) {
        return super.bulk(request);
    }

    /** One request of the ingester, from its first attempt until every operation is settled or it is given up. */
    private final class Batch {
        private final List<BulkOperation> operations;
        private final BulkResponseItem[] answers;
        private final CompletableFuture<BulkResponse> outcome = new CompletableFuture<>();
        private List<Integer> open;
        private int attempts = 1;
        private int failuresSinceProgress;
        private long took;

        Batch(List<BulkOperation> operations) {
            this.operations = operations;
            this.answers = new BulkResponseItem[operations.size()];
            this.open = IntStream.range(0, operations.size()).boxed().toList();
        }

        CompletableFuture<BulkResponse> start(BulkRequest request) {
            send(request);
            return outcome;
        }

        private void send(BulkRequest request) {
            sendOnce(request).whenComplete((response, error) -> {
                try {
                    answered(response, error);
                } catch (RuntimeException e) {
                    outcome.completeExceptionally(e);
                }
            });
        }

        private void answered(BulkResponse response, Throwable error) {
            if (error != null) {
                Throwable failure = Failures.unwrap(error);
                if (Failures.isTransient(failure)) {
                    retry(Failures.describe(failure), failure);
                } else {
                    giveUp(cluster + " refused a bulk request: " + Failures.describe(failure), failure);
                }
                return;
            }
            took += response.took();
            List<BulkResponseItem> items = response.items();
            List<Integer> stillOpen = new ArrayList<>();
            BulkResponseItem pushedBack = null;
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() != null && Failures.isTransientStatus(item.status())) {
                    stillOpen.add(open.get(i));
                    pushedBack = item;
                } else {
                    answers[open.get(i)] = item;
                }
            }
            if (stillOpen.size() < open.size()) {
                budget.progress();
                failuresSinceProgress = 0;
            }
            if (pushedBack == null) {
                outcome.complete(attempts == 1 ? response : merged());
                return;
            }
            open = stillOpen;
            BulkResponseItem last = pushedBack;
            retry("HTTP " + last.status() + " for " + stillOpen.size() + " of " + items.size() + " documents ("
                            + Failures.describe(last.error()) + ")",
                    new ElasticsearchException("es/bulk", ErrorResponse.of(e -> e.error(last.error()).status(last.status()))));
        }

        private void retry(String answer, Throwable cause) {
            failuresSinceProgress++;
            Optional<Duration> pause = budget.pauseBefore(failuresSinceProgress);
            if (pause.isEmpty()) {
                giveUp(cluster + " did not accept writes for " + budget.troubleSeconds() + " s (a bulk request was tried "
                        + attempts + " times); it last answered " + answer, cause);
                return;
            }
            attempts++;
            counters.retries.incrementAndGet();
            BulkRequest again = BulkRequest.of(b -> b.operations(open.stream().map(operations::get).toList()));
            CompletableFuture.delayedExecutor(pause.get().toMillis(), TimeUnit.MILLISECONDS).execute(() -> send(again));
        }

        private void giveUp(String message, Throwable cause) {
            outcome.completeExceptionally(new BulkGaveUpException(message, cause, Arrays.stream(answers).map(Optional::ofNullable).toList()));
        }

        private BulkResponse merged() {
            boolean errors = Arrays.stream(answers).anyMatch(item -> item.error() != null);
            return BulkResponse.of(b -> b.items(Arrays.asList(answers)).errors(errors).took(took));
        }
    }
}
