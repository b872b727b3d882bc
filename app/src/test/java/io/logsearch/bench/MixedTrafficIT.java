package io.logsearch.bench;

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
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test: 32 concurrent clients mixing search, paging, histogram, top, export, a vendor
 * facade and ingest for 60 s against the test cluster holding 300,000 events of the class's own
 * base (75,000 generated per source, loaded once). Zero errors, every ingested event found afterwards, p50/p99 per endpoint
 * printed as a table (copied into BENCHMARKS.md, section "Load").
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
class MixedTrafficIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 32;
    private static final long EVENTS_PER_SOURCE = 75_000;
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int INGEST_BATCH = 20;
    private static final String[] ENDPOINTS = {"search", "paging", "histogram", "top", "export", "compat", "ingest"};

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicLong ingested = new AtomicLong();

    @Test
    void thirtyTwoClientsForSixtySecondsWithoutAnErrorOrALostIngest(TestElasticsearch es) throws Exception {
        ElasticsearchClient client = EsClients.create(EsSettings.of(es.url()));
        EsEventStore store = EsEventStore.on(client, Partitioning.daily(es.indexBase()), 0);
        long loaded = load(store);
        assertEquals(4 * EVENTS_PER_SOURCE, loaded);
        store.partitionAdmin().refresh();
        Javalin server = ApiServer.start("127.0.0.1", 0, cfg -> cfg.store = store);
        try {
            String api = "http://127.0.0.1:" + server.port();
            String eventType = get(URI.create(api + "/v1/events/top?field=eventType&size=1")).path("buckets").path(0).path("value").asText();
            String userId = get(URI.create(api + "/v1/events/top?field=userId&size=1")).path("buckets").path(0).path("value").asText();
            for (String endpoint : ENDPOINTS) {
                latencies.put(endpoint, new ConcurrentLinkedQueue<>());
                errors.put(endpoint, new AtomicLong());
            }
            long deadline = System.nanoTime() + RUN.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                clients.add(pool.submit(() -> drive(api, clientNo, deadline, eventType, userId)));
            }
            for (Future<?> f : clients) {
                f.get(RUN.plus(REQUEST_TIMEOUT).plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
            }
            pool.shutdown();
            System.out.println(table(loaded));

            store.partitionAdmin().refresh();
            long found = get(URI.create(api + "/v1/events?source=loadtest&size=1")).path("total").path("value").asLong();
            long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
            assertEquals(0, failed, "errors: " + firstErrors);
            assertEquals(ingested.get(), found, "every ingested event is there, once");
            for (String endpoint : ENDPOINTS) {
                assertTrue(latencies.get(endpoint).size() > 10, endpoint + " was exercised");
            }
        } finally {
            server.stop();
            client._transport().close();
        }
    }

    private long load(EsEventStore store) throws Exception {
        long loaded = 0;
        for (String source : ExportGenerator.SOURCE_IDS) {
            Path export = dir.resolve(source + ".ndjson");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 256 * 1024)) {
                ExportGenerator.forSource(source).write(GeneratorSpec.of(EVENTS_PER_SOURCE, 30, 32), out);
            }
            LoadSummary summary = new Loader(store, BulkSettings.DEFAULTS).load(Sources.byId(source), SourceContext.EMPTY,
                    List.of(ExportInput.file(export)), r -> { throw new AssertionError("rejected: " + r); }, new LoadCounters());
            loaded += summary.indexed() + summary.duplicates();
            Files.delete(export);
        }
        return loaded;
    }

    /** One client: the endpoints in turn, each client starting at another one, until the deadline. */
    private void drive(String api, int clientNo, long deadline, String eventType, String userId) {
        String type = URLEncoder.encode(eventType, StandardCharsets.UTF_8);
        String user = URLEncoder.encode(userId, StandardCharsets.UTF_8);
        for (int i = clientNo; System.nanoTime() < deadline; i++) {
            String endpoint = ENDPOINTS[i % ENDPOINTS.length];
            switch (endpoint) {
                case "search" -> time(endpoint, request(api + "/v1/events?size=100&eventType=" + type));
                case "paging" -> page(api + "/v1/events?size=100&success=false", 5);
                case "histogram" -> time(endpoint, request(api + "/v1/events/histogram?window=30d"));
                case "top" -> time(endpoint, request(api + "/v1/events/top?field=clientIp&size=10"));
                case "export" -> time(endpoint, request(api + "/v1/events/export?format=csv&userId=" + user + "&eventType=" + type));
                case "compat" -> time(endpoint, request(api + "/compat/thousandeyes/v7/audit-user-events?window=7d"));
                case "ingest" -> ingest(api, clientNo, i);
                default -> throw new IllegalStateException(endpoint);
            }
        }
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT);
    }

    private void page(String first, int pages) {
        String next = first;
        for (int p = 0; p < pages && next != null; p++) {
            String response = time("paging", request(next));
            if (response == null) {
                return;
            }
            try {
                JsonNode link = JSON.readTree(response).path("_links").path("next").path("href");
                next = link.isMissingNode() || link.isNull() ? null : link.asText();
            } catch (Exception e) {
                fail("paging", e.toString());
                return;
            }
        }
    }

    private void ingest(String api, int clientNo, int i) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < INGEST_BATCH; k++) {
            body.append("{\"@timestamp\":\"2026-11-15T12:00:00Z\",\"event\":{\"id\":\"lt-").append(clientNo).append('-').append(i).append('-').append(k)
                    .append("\",\"action\":\"loadtest\",\"provider\":\"loadtest\"}}\n");
        }
        String response = time("ingest", request(api + "/v1/ingest/ecs").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response == null) {
            return;
        }
        try {
            JsonNode counts = JSON.readTree(response);
            if (counts.path("indexed").asLong() != INGEST_BATCH) {
                fail("ingest", response);
            }
            ingested.addAndGet(counts.path("indexed").asLong());
        } catch (Exception e) {
            fail("ingest", e.toString());
        }
    }

    /** Sends, reads the whole body and returns it; anything but a 200 counts as an error, and is null. */
    private String time(String endpoint, HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            latencies.get(endpoint).add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                fail(endpoint, response.statusCode() + " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
                return null;
            }
            return new String(body, StandardCharsets.UTF_8);
        } catch (Exception e) {
            fail(endpoint, e.toString());
            return null;
        }
    }

    private void fail(String endpoint, String what) {
        errors.get(endpoint).incrementAndGet();
        if (firstErrors.size() < 20) {
            firstErrors.add(endpoint + ": " + what);
        }
    }

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private String table(long loaded) {
        StringBuilder out = new StringBuilder("\nLoad: " + CLIENTS + " clients, " + RUN.toSeconds() + " s, " + loaded + " events loaded, "
                + ingested.get() + " ingested during the run\n| endpoint | requests | errors | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
        Map<String, String> rows = new TreeMap<>();
        for (String endpoint : ENDPOINTS) {
            long[] nanos = latencies.get(endpoint).stream().mapToLong(Long::longValue).toArray();
            LatencyStats stats = LatencyStats.of(nanos);
            out.append(String.format("| %s | %,d | %d | %.1f | %.1f |%n", endpoint, stats.count(), errors.get(endpoint).get(), stats.p50Millis(), stats.p99Millis()));
        }
        return out.toString();
    }
}
