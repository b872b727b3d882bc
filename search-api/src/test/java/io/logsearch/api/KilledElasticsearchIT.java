package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch SIGKILLed (no shutdown, no flush) under the API and started again on the same data
 * directory: an ingest in flight fails with 503 or succeeds, and sent again leaves every event
 * exactly once; an ingest answered 200 is durable; a streaming export breaks off instead of ending
 * like a complete file; while the node is down every answer is a 503 with {@code Retry-After}, and
 * the API recovers by itself.
 */
@Tag("extended")
class KilledElasticsearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant UNTIL = Instant.parse("2026-02-01T00:00:00Z");

    private static EphemeralNode node;
    private static ElasticsearchClient client;

    @BeforeAll
    static void startNode() {
        node = EphemeralNode.start();
        client = EsClients.create(EsSettings.of(node.url()));
    }

    @AfterAll
    static void stopNode() throws IOException {
        client._transport().close();
        node.close();
    }

    private static byte[] export(long events, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(events, 3, seed, UNTIL), out);
        return out.toByteArray();
    }

    private static Javalin serve(String base) {
        EsEventStore index = EsEventStore.on(client, Partitioning.daily(base), 0);
        return ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.store = index);
    }

    private static URI uri(Javalin server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> get(Javalin server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ingest(Javalin server, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(server, "/v1/ingest/thousandeyes")).timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Documents in the base, and distinct event ids among them, counted exactly (a composite aggregation paged through). */
    /** Documents and distinct event ids in the event partitions of {@code base}, not in its access log's or digests' indices. */
    static long[] countsAndIds(String url, String base) throws Exception {
        String events = base + "-*,-" + base + "-access-*,-" + base + "-digests";
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + events + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long documents = 0;
        long ids = 0;
        String after = "";
        while (true) {
            String body = "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"ids\":{\"composite\":{\"size\":10000," + after
                    + "\"sources\":[{\"id\":{\"terms\":{\"field\":\"event.id\"}}}]}}}}";
            JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + events + "/_search?allow_no_indices=true"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            documents = answer.path("hits").path("total").path("value").asLong();
            JsonNode buckets = answer.path("aggregations").path("ids").path("buckets");
            if (buckets.isEmpty()) {
                return new long[] {documents, ids};
            }
            ids += buckets.size();
            after = "\"after\":" + answer.path("aggregations").path("ids").path("after_key") + ",";
        }
    }

    private static long count(String base) throws Exception {
        return countsAndIds(node.url(), base)[0];
    }

    private static void assertExactlyOnce(String base, long expected) throws Exception {
        long[] counts = countsAndIds(node.url(), base);
        assertEquals(expected, counts[0], "documents in " + base);
        assertEquals(expected, counts[1], "distinct event ids in " + base);
    }

    private static void assertUnavailable(HttpResponse<String> response, String what) {
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), what);
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void anIngestInFlightWhenElasticsearchIsKilledFailsWith503OrSucceedsAndSentAgainLeavesEveryEventOnce() throws Exception {
        String base = "killed-ingest";
        int events = 30_000;
        byte[] body = export(events, 1);
        Javalin server = serve(base);
        try {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return ingest(server, body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (count(base) < 2_000) {
                assertFalse(first.isDone(), "the ingest ended before Elasticsearch could be killed: " + (first.isDone() ? first.join().body() : ""));
                assertTrue(Instant.now().isBefore(deadline), "the ingest made no progress");
                Thread.sleep(50);
            }
            node.kill();
            HttpResponse<String> answer = first.get(2, TimeUnit.MINUTES);
            assertTrue(answer.statusCode() == 503 || answer.statusCode() == 200, answer.statusCode() + " " + answer.body());
            if (answer.statusCode() == 503) {
                assertUnavailable(answer, "the ingest cut off by the kill");
            }
            node.restart();

            HttpResponse<String> again = ingest(server, body);
            assertEquals(200, again.statusCode(), again.body());
            JsonNode counts = JSON.readTree(again.body());
            assertEquals(events, counts.get("read").asLong());
            assertEquals(events, counts.get("indexed").asLong() + counts.get("duplicates").asLong(), again.body());
            assertTrue(counts.get("duplicates").asLong() > 0, "the first ingest's acknowledged events survived the kill: " + again.body());
            assertExactlyOnce(base, events);
        } finally {
            server.stop();
        }
    }

    @Test
    void everyEventOfAnIngestAnswered200SurvivesAKillRightAfterTheAnswerAndTheApiAnswers503UntilTheNodeIsBack() throws Exception {
        String base = "killed-acknowledged";
        int events = 5_000;
        Javalin server = serve(base);
        try {
            HttpResponse<String> answer = ingest(server, export(events, 2));
            node.kill();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(events, JSON.readTree(answer.body()).get("indexed").asLong(), answer.body());

            for (String path : new String[] {"/v1/events", "/v1/events/histogram", "/v1/events/top?field=userId", "/v1/events/export",
                    "/compat/thousandeyes/v7/audit-user-events"}) {
                assertUnavailable(get(server, path), path + " while Elasticsearch is down");
            }
            HttpResponse<String> health = get(server, "/health");
            assertUnavailable(health, "/health while Elasticsearch is down");
            assertEquals("unavailable", JSON.readTree(health.body()).get("status").asText(), health.body());
            assertUnavailable(ingest(server, export(10, 3)), "an ingest while Elasticsearch is down");

            node.restart();
            HttpResponse<String> back = get(server, "/health");
            assertEquals(200, back.statusCode(), back.body());
            assertEquals("ok", JSON.readTree(back.body()).get("status").asText(), back.body());
            HttpResponse<String> search = get(server, "/v1/events");
            assertEquals(200, search.statusCode(), search.body());
            assertEquals(events, JSON.readTree(search.body()).path("total").path("value").asLong(), "every acknowledged event is there");
            assertExactlyOnce(base, events);
        } finally {
            server.stop();
        }
    }

    @Test
    void aStreamingExportCutOffByTheKillBreaksOffAndNeverEndsLikeACompleteFile() throws Exception {
        String base = "killed-export";
        int events = 30_000;
        Javalin server = serve(base);
        try {
            assertEquals(200, ingest(server, export(events, 4)).statusCode());
            HttpResponse<InputStream> export = HTTP.send(HttpRequest.newBuilder(uri(server, "/v1/events/export?format=ndjson"))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            long[] lines = {0};
            try (InputStream in = export.body()) {
                byte[] buffer = new byte[8192];
                readLines(in, buffer, lines, 100);
                node.kill();
                IOException broken = assertThrows(IOException.class, () -> readLines(in, buffer, lines, Long.MAX_VALUE),
                        "the export ended like a complete file after " + lines[0] + " lines");
                assertTrue(lines[0] < events, lines[0] + " lines: " + broken);
            }
            node.restart();
        } finally {
            server.stop();
        }
    }

    /** Reads until {@code atLeast} lines were seen or the stream ends; returns false at its end. */
    private static boolean readLines(InputStream in, byte[] buffer, long[] lines, long atLeast) throws IOException {
        while (lines[0] < atLeast) {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines[0]++;
                }
            }
        }
        return true;
    }
}
