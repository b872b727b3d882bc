package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure from a real node whose write pool has one thread and a queue of two: three
 * concurrent loads and four clients ingesting at once are answered with 429s. The loads wait them
 * out; an ingest waits up to its budget (10 s) and then passes the back-pressure on as a 503 with
 * {@code Retry-After}, and its client sends the same body again. Every event ends up there exactly once.
 */
@Tag("extended")
class WriteQueueBackPressureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant UNTIL = Instant.parse("2026-02-01T00:00:00Z");
    private static final BulkSettings SMALL_BATCHES = new BulkSettings(4, 32 * 1024, Duration.ofMillis(100), Duration.ofMinutes(2));
    private static final int LOADS = 3;
    private static final int LOAD_EVENTS = 4_000;
    private static final int INGESTERS = 4;
    private static final int INGESTS_EACH = 5;
    private static final int INGEST_EVENTS = 400;

    private static final int MAX_ATTEMPTS = 20;

    private final AtomicInteger resent = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static byte[] export(long events, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(events, 2, seed, UNTIL), out);
        return out.toByteArray();
    }

    @Test
    void concurrentLoadsAndIngestsAgainstATinyWriteQueueLoseAndRepeatNothing() throws Exception {
        try (EphemeralNode node = EphemeralNode.start(Map.of("thread_pool.write.size", "1", "thread_pool.write.queue_size", "2"))) {
            ElasticsearchClient client = EsClients.create(EsSettings.of(node.url()));
            EsEventStore index = EsEventStore.on(client, Partitioning.daily("pressure"), 0);
            index.ensureTemplate();
            Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.store = index);
            ExecutorService pool = Executors.newFixedThreadPool(LOADS + INGESTERS);
            try {
                List<LoadCounters> counters = new ArrayList<>();
                List<Future<LoadSummary>> loads = new ArrayList<>();
                for (int l = 0; l < LOADS; l++) {
                    byte[] body = export(LOAD_EVENTS, 100 + l);
                    LoadCounters c = new LoadCounters();
                    counters.add(c);
                    loads.add(pool.submit(() -> new Loader(index, SMALL_BATCHES).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                            List.of(ExportInput.of("load", () -> new ByteArrayInputStream(body))), r -> { throw new AssertionError("rejected: " + r); }, c)));
                }
                List<Future<List<String>>> ingests = new ArrayList<>();
                for (int i = 0; i < INGESTERS; i++) {
                    int ingester = i;
                    ingests.add(pool.submit(() -> {
                        List<String> failures = new ArrayList<>();
                        for (int k = 0; k < INGESTS_EACH; k++) {
                            byte[] body = export(INGEST_EVENTS, 1_000 + ingester * 100 + k);
                            long kept = 0;
                            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/ingest/thousandeyes"))
                                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (answer.statusCode() == 200) {
                                    JsonNode counts = JSON.readTree(answer.body());
                                    kept = counts.get("indexed").asLong() + counts.get("duplicates").asLong();
                                    break;
                                }
                                // what a log shipper does with back-pressure passed on: wait as told, send the same body again
                                if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()) {
                                    failures.add(answer.statusCode() + " " + answer.body());
                                    break;
                                }
                                resent.incrementAndGet();
                                Thread.sleep(1_000);
                            }
                            if (kept != INGEST_EVENTS) {
                                failures.add("ingest " + ingester + "/" + k + " kept " + kept + " of " + INGEST_EVENTS);
                            }
                        }
                        return failures;
                    }));
                }
                long loaded = 0;
                for (Future<LoadSummary> load : loads) {
                    LoadSummary summary = load.get(5, TimeUnit.MINUTES);
                    assertEquals(LOAD_EVENTS, summary.indexed(), summary.line());
                    loaded += summary.indexed();
                }
                for (Future<List<String>> ingest : ingests) {
                    assertEquals(List.of(), ingest.get(5, TimeUnit.MINUTES), "every ingest ended with 200 and each of its events indexed or a duplicate");
                }
                long expected = loaded + (long) INGESTERS * INGESTS_EACH * INGEST_EVENTS;
                long[] stored = KilledElasticsearchIT.countsAndIds(node.url(), "pressure");
                assertEquals(expected, stored[0], "documents");
                assertEquals(expected, stored[1], "distinct event ids");
                long retries = counters.stream().mapToLong(LoadCounters::retries).sum();
                assertTrue(retries > 0, "the node pushed back with 429 at least once");
                System.out.println("back-pressure: " + expected + " events exactly once; the loads retried " + retries
                        + " bulk requests; ingests answered 503 and sent again: " + resent.get() + " of " + INGESTERS * INGESTS_EACH);
            } finally {
                pool.shutdownNow();
                server.stop();
                client._transport().close();
            }
        }
    }
}
