package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.testsupport.EphemeralNode;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./logsearch load} while its Elasticsearch is SIGKILLed and started again on the same data
 * directory: the load waits the outage out and resumes (or, had the outage outlasted its budget,
 * would fail with exit 1 naming the cluster), and a second run finds every event there exactly once.
 */
@Tag("extended")
class LoadWhileElasticsearchIsKilledIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SUMMARY = Pattern.compile("^read=(\\d+) indexed=(\\d+) duplicates=(\\d+) rejected=(\\d+) elapsed=", Pattern.MULTILINE);
    private static final int EVENTS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aLoadWaitsOutAKilledNodeAndARunAgainFindsEveryEventExactlyOnce() throws Exception {
        Path export = dir.resolve("thousandeyes.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(EVENTS, 3, 15, Instant.parse("2026-02-01T00:00:00Z")), out);
        }
        try (EphemeralNode node = EphemeralNode.start()) {
            String base = "killed-load";
            Path firstOutput = dir.resolve("first.txt");
            Process first = Launcher.start(Map.of("ES_URL", node.url()), firstOutput, "load", "--source", "thousandeyes", "--index", base, export.toString());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (counts(node, base)[0] < 5_000) {
                assertTrue(first.isAlive(), "the load ended before Elasticsearch could be killed:\n" + Files.readString(firstOutput));
                assertTrue(Instant.now().isBefore(deadline), "the load made no progress");
                Thread.sleep(100);
            }
            node.kill();
            Thread.sleep(2_000);
            node.restart();
            assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first load ended");
            String firstText = Files.readString(firstOutput);
            if (first.exitValue() == 1) {
                assertTrue(firstText.contains("Elasticsearch at " + node.url() + " did not accept writes for"), firstText);
                assertTrue(firstText.contains("run the same load again to finish; nothing is written twice"), firstText);
            } else {
                assertEquals(0, first.exitValue(), firstText);
                long[] summary = summary(firstText);
                assertEquals(EVENTS, summary[0], firstText);
                assertEquals(EVENTS, summary[1] + summary[2], firstText);
            }

            Path secondOutput = dir.resolve("second.txt");
            Process second = Launcher.start(Map.of("ES_URL", node.url()), secondOutput, "load", "--source", "thousandeyes", "--index", base, export.toString());
            assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the second load ended");
            String secondText = Files.readString(secondOutput);
            assertEquals(0, second.exitValue(), secondText);
            long[] summary = summary(secondText);
            assertEquals(EVENTS, summary[0], secondText);
            assertEquals(EVENTS, summary[1] + summary[2], secondText);
            assertEquals(0, summary[3], secondText);
            long[] stored = counts(node, base);
            assertEquals(EVENTS, stored[0], "documents");
            assertEquals(EVENTS, stored[1], "distinct event ids");
        }
    }

    private static long[] summary(String text) {
        Matcher m = SUMMARY.matcher(text);
        assertTrue(m.find(), text);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private static long[] counts(EphemeralNode node, String base) throws Exception {
        try {
            return countsAndIds(node.url(), base);
        } catch (java.io.IOException e) {
            return new long[] {0, 0}; // killed
        }
    }

    /** Documents in the base, and distinct event ids among them, counted exactly (a composite aggregation paged through). */
    private static long[] countsAndIds(String url, String base) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + base + "-*/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long documents = 0;
        long ids = 0;
        String after = "";
        while (true) {
            String body = "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"ids\":{\"composite\":{\"size\":10000," + after
                    + "\"sources\":[{\"id\":{\"terms\":{\"field\":\"event.id\"}}}]}}}}";
            JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + base + "-*/_search?allow_no_indices=true"))
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
}
