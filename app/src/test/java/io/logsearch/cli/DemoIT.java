package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton end to end: {@code ./logsearch demo} against a real Elasticsearch, then Ctrl-C. */
@ExtendWith(RealElasticsearch.class)
class DemoIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SOURCES = {"actionhub", "thousandeyes", "onehub", "authing"};

    @TempDir
    Path dir;

    @Test
    void demoLoadsEverySourceOnceServesEventsAndLeavesTheClusterItDidNotStartRunning(TestElasticsearch es) throws Exception {
        Path home = openDirectory(dir.resolve("home"));
        Map<String, String> env = Map.of("ES_URL", es.url(), "LOGSEARCH_HOME", home.toString());
        int port = Ports.free();
        Path output = dir.resolve("first.txt");
        Process demo = Launcher.start(env, output, "demo", "--port", Integer.toString(port), "--index", es.indexBase());
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
            Instant newest = Instant.parse(body.at("/events/0/@timestamp").asText());
            assertTrue(newest.isAfter(Instant.now().minus(Duration.ofHours(2))),
                    "on the first day the samples reach up to about now, so a 24h window shows a full day: " + newest);

            assertLoaded(Files.readString(output), 2000, 0);
            assertTrue(Files.readString(output).contains("  ./logsearch dashboards import --kibana http://127.0.0.1:5601 --index "
                    + es.indexBase() + "\n"), "the demo says how to import the Kibana dashboards");
            assertEquals(200, get(port, "/health").statusCode());
            List<CurlExample> printed = CurlExample.in(Files.readString(output));
            assertTrue(printed.size() >= 10, "an example per endpoint and facade:\n" + Files.readString(output));
            assertEveryExampleFindsEvents(port, printed);
            assertEveryExampleFindsEvents(port, CurlExample.in(Files.readString(Path.of("..", "README.md"))));
            HttpResponse<String> page = get(port, "/");
            assertTrue(page.body().contains("<title>logsearch</title>"), page.body());
            HttpResponse<String> missing = get(port, "/nowhere");
            assertEquals(404, missing.statusCode());
            assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        } finally {
            demo.destroy();
        }
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo stops on SIGTERM");
        assertTrue(Files.readString(output).contains("Stopping..."));
        assertFalse(Ports.listening(port), "the API port is closed after stop");
        assertFalse(Files.readString(output).contains("Elasticsearch stopped"));
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(es.url() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the cluster the demo did not start still runs");

        Path again = dir.resolve("second.txt");
        Process second = Launcher.start(env, again, "demo", "--port", Integer.toString(port), "--index", es.indexBase());
        try {
            awaitOutput(second, again, "logsearch is ready", Duration.ofMinutes(3));
            assertLoaded(Files.readString(again), 0, 2000);
        } finally {
            second.destroy();
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "demo stops on SIGTERM");
    }

    /** The sample anchor is what makes a run on a later day load the same events, and so add nothing. */
    @Test
    void theSamplesEndWhereTheyFirstEndedOnEveryLaterDay() throws IOException {
        SampleAnchors anchors = new SampleAnchors(dir.resolve("home/demo-samples.properties"));
        Instant first = Instant.parse("2026-03-01T15:42:07.123Z");
        assertEquals(Instant.parse("2026-03-01T15:42:07Z"), anchors.anchorFor("http://127.0.0.1:9200", "logsearch-events", first));
        assertEquals(Instant.parse("2026-03-01T15:42:07Z"),
                anchors.anchorFor("http://127.0.0.1:9200", "logsearch-events", first.plus(Duration.ofDays(3))), "three days later");
        assertEquals(Instant.parse("2026-03-04T00:00:00Z"),
                anchors.anchorFor("http://127.0.0.1:9200", "other-events", Instant.parse("2026-03-04T00:00:00Z")), "each base its own");
        assertEquals(Instant.parse("2026-03-01T15:42:07Z"),
                new SampleAnchors(dir.resolve("home/demo-samples.properties")).anchorFor("http://127.0.0.1:9200", "logsearch-events",
                        Instant.parse("2027-01-01T00:00:00Z")), "kept in the file, for later processes");
    }

    /**
     * Without ES_URL the demo starts a node of its own, here in an empty home (so the distribution is
     * fetched through Maven, from a directory inside a project Maven cannot build), and stops it again.
     */
    @Test
    void withoutEsUrlTheDemoStartsItsOwnNodeAndStopsIt() throws Exception {
        Path home = openDirectory(dir.resolve("home"));
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<parent><groupId>com.example.nowhere</groupId><artifactId>missing-parent</artifactId><version>1</version></parent>"
                + "<artifactId>unbuildable</artifactId></project>");
        int esPort = Ports.free();
        int port = Ports.free();
        Path output = dir.resolve("demo.txt");
        ProcessBuilder builder = Launcher.command(Map.of("LOGSEARCH_HOME", home.toString()), output,
                "demo", "--port", Integer.toString(port), "--es-port", Integer.toString(esPort), "--index", "demo-own-node");
        builder.environment().remove("ES_URL");
        builder.directory(project.toFile());
        LocalNode node = new LocalNode(NodeSettings.of(esPort, home.resolve("node")));
        Process demo = builder.start();
        try {
            awaitOutput(demo, output, "logsearch is ready", Duration.ofMinutes(5));
            assertTrue(Files.readString(output).contains("Starting Elasticsearch"), Files.readString(output));
            assertTrue(Ports.listening(esPort), "the demo's own node serves on --es-port");
            assertEquals(200, get(port, "/v1/events?size=5").statusCode());
            assertLoaded(Files.readString(output), 2000, 0);
            long pid = node.running().orElseThrow().pid();

            // Ctrl-C in a terminal interrupts the whole foreground process group: the demo and its node
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(demo.pid()), Long.toString(pid)).start().waitFor());
            // generous: the node, interrupted too, stops on its own while the demo stops it (30 s, then forcibly)
            boolean stopped = demo.waitFor(180, TimeUnit.SECONDS);
            assertTrue(stopped, "demo stops on Ctrl-C:\n" + Files.readString(output));
            String log = Files.readString(output);
            assertTrue(log.contains("Elasticsearch stopped."), log);
            assertFalse(Ports.listening(esPort), "nothing listens on the node's port after the demo stopped");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the node's process is gone");
            assertFalse(Ports.listening(port), "the API port is closed after stop");
        } finally {
            demo.destroy();
            node.stop();
            deleteTree(home);
        }
    }

    @Test
    void aBusyApiPortIsFoundBeforeAnythingStarts() throws Exception {
        Path home = openDirectory(dir.resolve("home"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path output = dir.resolve("busy.txt");
            ProcessBuilder builder = Launcher.command(Map.of("LOGSEARCH_HOME", home.toString(), "LOGSEARCH_MVN", "/nonexistent/mvn"), output,
                    "demo", "--port", Integer.toString(busy.getLocalPort()), "--es-port", Integer.toString(Ports.free()));
            builder.environment().remove("ES_URL");
            Process demo = builder.start();
            assertTrue(demo.waitFor(120, TimeUnit.SECONDS));
            String text = Files.readString(output);
            assertEquals(1, demo.exitValue(), text);
            assertEquals("logsearch: API port " + busy.getLocalPort() + " on 127.0.0.1 is already in use; "
                    + "stop what listens there or choose another port with --port\n", text);
        }
        try (Stream<Path> left = Files.list(home)) {
            assertEquals(0, left.count(), "no node was fetched or started, no samples recorded");
        }
    }

    @Test
    void aBusyElasticsearchPortNamesTheDemosOwnFlag() throws Exception {
        Path home = openDirectory(dir.resolve("home"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path output = dir.resolve("busy-es.txt");
            ProcessBuilder builder = Launcher.command(Map.of("LOGSEARCH_HOME", home.toString(), "LOGSEARCH_MVN", "/nonexistent/mvn"), output,
                    "demo", "--port", Integer.toString(Ports.free()), "--es-port", Integer.toString(busy.getLocalPort()));
            builder.environment().remove("ES_URL");
            Process demo = builder.start();
            assertTrue(demo.waitFor(120, TimeUnit.SECONDS));
            String text = Files.readString(output);
            assertEquals(1, demo.exitValue(), text);
            assertEquals("logsearch: HTTP port " + busy.getLocalPort() + " on 127.0.0.1 is already in use; "
                    + "stop what listens there or choose another port with --es-port\n", text);
        }
    }

    /** Each example answers 200 with at least one event, bucket or record in it ({@code /health} with its status). */
    private static void assertEveryExampleFindsEvents(int port, List<CurlExample> examples) throws Exception {
        for (CurlExample example : examples) {
            HttpResponse<String> response = HTTP.send(example.request(port), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), example.line() + "\n" + response.body());
            if (example.url().endsWith("/health")) {
                continue;
            }
            boolean found = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    || response.headers().firstValue("Content-Type").orElse("").startsWith("application/hal+json")
                    ? hasNonEmptyArray(JSON.readTree(response.body()))
                    : response.body().lines().count() > 1;
            assertTrue(found, "nothing found by " + example.line() + "\n" + response.body());
        }
    }

    private static boolean hasNonEmptyArray(JsonNode node) {
        if (node.isArray() && !node.isEmpty()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasNonEmptyArray(child)) {
                return true;
            }
        }
        return false;
    }

    private static void assertLoaded(String log, int indexed, int duplicates) {
        for (String source : SOURCES) {
            assertTrue(log.matches("(?s).*Sample " + source + " +read=2000 indexed=" + indexed + " duplicates=" + duplicates + " rejected=0.*"),
                    source + " should be read=2000 indexed=" + indexed + " duplicates=" + duplicates + ":\n" + log);
        }
    }

    /** Open to others: as root the node runs as nobody, who must be able to enter the home. */
    private static Path openDirectory(Path path) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(path.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitOutput(Process process, Path output, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(output) && Files.readString(output).contains(text)) {
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
