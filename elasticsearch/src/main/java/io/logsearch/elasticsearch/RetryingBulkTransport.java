package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.RetryBudget;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The transport a {@code BulkIngester}'s client sends through: it hands every request to the
 * client's own transport, and waits out back-pressure for bulk requests. A bulk request's future
 * completes only once every operation has its final answer, so a request that is waiting keeps its
 * place among the ingester's requests in flight, and the reader is held back until it is done.
 * Whole-request failures that {@link Failures} finds may pass (429, 5xx, refused or lost
 * connections) re-send the request; items answered with 429 or a 5xx are re-sent on their own.
 * An item refused for the credentials' privileges (403 {@code security_exception}) gives the request
 * up at once: the others would be refused alike.
 * Pauses grow exponentially while Elasticsearch accepts none of a request's operations (and start
 * short again once it does), within the session's {@link RetryBudget}; past it the future fails
 * with a {@link BulkGaveUpException}.
 */
final class RetryingBulkTransport implements ElasticsearchTransport {

    /** Where bulk answers are handled, off the HTTP client's threads (see {@code Batch.send}). */
    private static final Executor ANSWERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bulk-answers");
        thread.setDaemon(true);
        return thread;
    });

    private final ElasticsearchTransport transport;
    private final RetryBudget budget;
    private final Runnable retried;
    private final String cluster;

    RetryingBulkTransport(ElasticsearchTransport transport, RetryBudget budget, Runnable retried, String cluster) {
        this.transport = transport;
        this.budget = budget;
        this.retried = retried;
        this.cluster = cluster;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        return transport.performRequest(request, endpoint, options);
    }

    @Override
    @SuppressWarnings("unchecked") // a BulkRequest's endpoint answers a BulkResponse
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        if (request instanceof BulkRequest bulk) {
            Endpoint<BulkRequest, BulkResponse, ErrorT> bulkEndpoint = (Endpoint<BulkRequest, BulkResponse, ErrorT>) endpoint;
            return (CompletableFuture<ResponseT>) new Batch<>(bulk.operations(), bulkEndpoint, options).start(bulk);
        }
        return transport.performRequestAsync(request, endpoint, options);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return transport.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return transport.options();
    }

    /** Leaves the client's transport open: it belongs to the store, which closes it. */
    @Override
    public void close() {
    }

    /** One request of the ingester, from its first attempt until every operation is settled or it is given up. */
    private final class Batch<ErrorT> {
        private final List<BulkOperation> operations;
        private final Endpoint<BulkRequest, BulkResponse, ErrorT> endpoint;
        private final TransportOptions options;
        private final BulkResponseItem[] answers;
        private final CompletableFuture<BulkResponse> outcome = new CompletableFuture<>();
        private List<Integer> open;
        private int attempts = 1;
        private int failuresSinceProgress;
        private long took;

        Batch(List<BulkOperation> operations, Endpoint<BulkRequest, BulkResponse, ErrorT> endpoint, TransportOptions options) {
            this.operations = operations;
            this.endpoint = endpoint;
            this.options = options;
            this.answers = new BulkResponseItem[operations.size()];
            this.open = IntStream.range(0, operations.size()).boxed().toList();
        }

        CompletableFuture<BulkResponse> start(BulkRequest request) {
            send(request);
            return outcome;
        }

        private void send(BulkRequest request) {
            // Not on the thread that completes the client's future: the HTTP client calls back on its I/O thread,
            // for a refused connection while it holds its connection pool's lock, and completing the outcome there
            // runs the ingester's listener, which waits for the ingester's lock that a writer holds while it waits
            // for that pool (a deadlock seen when Elasticsearch was killed under load).
            transport.performRequestAsync(request, endpoint, options).whenCompleteAsync((response, error) -> {
                try {
                    answered(response, error);
                } catch (RuntimeException e) {
                    outcome.completeExceptionally(e);
                }
            }, ANSWERS);
        }

        private void answered(BulkResponse response, Throwable error) {
            if (error != null) {
                Throwable failure = Failures.unwrap(error);
                if (Failures.kindOf(failure).mayPass()) {
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
            BulkResponseItem unauthorized = null;
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() != null && Failures.kindOf(item) == FailureKind.UNAUTHORIZED) {
                    unauthorized = item;
                } else if (item.error() != null && Failures.kindOf(item).mayPass()) {
                    stillOpen.add(open.get(i));
                    pushedBack = item;
                } else {
                    answers[open.get(i)] = item;
                }
            }
            if (unauthorized != null) {
                BulkResponseItem refused = unauthorized;
                giveUp(cluster + " refused a bulk request's documents: HTTP " + refused.status() + " (" + Failures.describe(refused.error()) + ")",
                        new ElasticsearchException("es/bulk", ErrorResponse.of(e -> e.error(refused.error()).status(refused.status()))));
                return;
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
            retried.run();
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
