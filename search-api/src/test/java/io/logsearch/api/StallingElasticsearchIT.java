package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A slow, stalling or resetting Elasticsearch behind {@link FaultyProxy}: every request to it
 * ends within the client's timeout as a 503 problem with {@code Retry-After}, and while 32 of
 * them hang, {@code /health}, ingests and the API description keep answering at once.
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
class StallingElasticsearchIT {

    private static final int HANGING = 32;
    /** The client's socket timeout (EsClients), and what a request may take on top of it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SLACK = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FaultyProxy proxy;
    private ElasticsearchClient client;
    private Javalin server;

    @BeforeEach
    void start(TestElasticsearch es) throws Exception {
        proxy = FaultyProxy.to(es.url());
        client = EsClients.create(EsSettings.of(proxy.url()));
        EsEventStore index = EsEventStore.on(client, Partitioning.daily(es.indexBase()), 0);
        server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.store = index);
        assertEquals(200, get("/v1/events").statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        client._transport().close();
        proxy.close();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(TIMEOUT.plus(SLACK).multipliedBy(2)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnavailableProblem(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().toString());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        assertFalse(response.body().contains("Exception") || response.body().contains("Timeout"), response.body());
    }

    @Test
    void thirtyTwoStalledSearchesEndAs503WithinTheTimeoutWhileHealthAndIngestKeepAnswering() throws Exception {
        proxy.inject(FaultyProxy.Fault.STALL_MID_RESPONSE, "/_search", 0);
        Instant started = Instant.now();
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        String[] paths = {"/v1/events", "/v1/events/top?field=userId", "/v1/events/histogram", "/compat/thousandeyes/v7/audit-user-events"};
        for (int i = 0; i < HANGING; i++) {
            hanging.add(http.sendAsync(request(paths[i % paths.length]), HttpResponse.BodyHandlers.ofString()));
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (proxy.faulted() < HANGING && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(HANGING, proxy.faulted(), "every search reached the stalling Elasticsearch");

        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> health = get("/health");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(took < 3_000, "/health took " + took + " ms while " + HANGING + " searches hang");
            assertEquals(200, get("/openapi.yaml").statusCode());
        }
        long t0 = System.nanoTime();
        HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/ingest/ecs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"id\":\"stall-1\",\"action\":\"x\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ingest.statusCode(), ingest.body());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5_000, "the ingest waited for the stalled searches");
        assertTrue(hanging.stream().noneMatch(CompletableFuture::isDone), "the searches were still hanging");

        for (CompletableFuture<HttpResponse<String>> search : hanging) {
            assertUnavailableProblem(search.get(TIMEOUT.plus(SLACK).toSeconds(), TimeUnit.SECONDS));
        }
        Duration took = Duration.between(started, Instant.now());
        assertTrue(took.compareTo(TIMEOUT.plus(SLACK)) < 0, "the stalled searches took " + took);

        proxy.heal();
        assertEquals(200, get("/v1/events").statusCode());
    }

    @Test
    void anAnswerDelayedBeyondTheTimeoutIs503AndOneDelayedLessIsServed() throws Exception {
        proxy.inject(FaultyProxy.Fault.DELAY, "/_search", 2_000);
        HttpResponse<String> slow = get("/v1/events");
        assertEquals(200, slow.statusCode(), slow.body());

        proxy.inject(FaultyProxy.Fault.DELAY, "/_search", TIMEOUT.plusSeconds(15).toMillis());
        long t0 = System.nanoTime();
        assertUnavailableProblem(get("/v1/events"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(TIMEOUT.plus(SLACK)) < 0, "took " + took);
        proxy.heal();
    }

    @Test
    void aConnectionResetIsAnImmediate503AndTheNextRequestIsServed() throws Exception {
        proxy.inject(FaultyProxy.Fault.RESET, "/_search", 0);
        long t0 = System.nanoTime();
        for (String path : new String[] {"/v1/events", "/v1/events/export", "/v1/events/top?field=source"}) {
            assertUnavailableProblem(get(path));
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5_000, "resets are answered at once");
        proxy.heal();
        assertEquals(200, get("/v1/events").statusCode());
        assertEquals(200, get("/health").statusCode());
    }
}
