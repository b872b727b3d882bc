package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton end to end: {@code ./logsearch demo} against a real Elasticsearch, then Ctrl-C. */
@ExtendWith(RealElasticsearch.class)
class DemoIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoLoadsEverySourceServesEventsAndStopsCleanly(TestElasticsearch es) throws Exception {
        int port = Ports.free();
        Path output = Files.createTempFile("logsearch-demo-", ".txt");
        Process demo = Launcher.start(Map.of("ES_URL", es.url()), output,
                "demo", "--port", Integer.toString(port), "--index", es.indexBase());
        try {
            awaitOutput(demo, output, "logsearch is ready", Duration.ofMinutes(3));

            HttpResponse<String> response = get(port, "/v1/events?size=50");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            JsonNode body = JSON.readTree(response.body());
            assertEquals(50, body.get("events").size());
            assertTrue(body.at("/total/value").asLong() >= 50);
            Instant previous = Instant.MAX;
            for (JsonNode event : body.get("events")) {
                Instant at = Instant.parse(event.get("@timestamp").asText());
                assertFalse(at.isAfter(previous), "newest first");
                previous = at;
                assertTrue(event.path("event").path("original").isMissingNode(), "event.original is not served by default");
            }

            String log = Files.readString(output);
            Set<String> loaded = new HashSet<>();
            for (String source : new String[] {"actionhub", "thousandeyes", "onehub", "authing"}) {
                if (log.matches("(?s).*Sample " + source + " +read=2000 indexed=2000 duplicates=0 rejected=0.*")) {
                    loaded.add(source);
                }
            }
            assertEquals(Set.of("actionhub", "thousandeyes", "onehub", "authing"), loaded, log);

            assertEquals(200, get(port, "/health").statusCode());
            HttpResponse<String> page = get(port, "/");
            assertTrue(page.body().contains("<h1>logsearch</h1>"));
            HttpResponse<String> missing = get(port, "/nowhere");
            assertEquals(404, missing.statusCode());
            assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        } finally {
            demo.destroy();
        }
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo stops on SIGTERM");
        assertTrue(Files.readString(output).contains("Stopping..."));
        assertFalse(Ports.listening(port), "the API port is closed after stop");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitOutput(Process process, Path output, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(output).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("demo exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("demo not ready within " + timeout + ":\n" + Files.readString(output));
    }
}
