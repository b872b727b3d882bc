package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code logsearch es start|status|stop} on a real node, as root through setpriv when run as root. */
class EsCommandIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path nodeDir;
    private static String port;

    @BeforeAll
    static void chooseNode() throws Exception {
        nodeDir = Files.createTempDirectory("logsearch-es-command-");
        port = Integer.toString(Ports.free());
    }

    @AfterAll
    static void stopNode() {
        Main.run("es", "stop", "--port", port, "--data", nodeDir.toString());
    }

    private static int es(String command) {
        return Main.run("es", command, "--port", port, "--data", nodeDir.toString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startStatusStopAndDataSurvivesARestart() throws Exception {
        assertEquals(3, es("status"), "status before start");

        assertEquals(0, es("start"));
        assertEquals(0, es("status"));
        assertEquals(200, get("/_cluster/health").statusCode());
        assertEquals(0, es("start"), "starting a running node is a no-op");

        if ("root".equals(System.getProperty("user.name"))) {
            long pid = Long.parseLong(Files.readString(nodeDir.resolve("elasticsearch.pid")).trim());
            String uidLine = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
            assertFalse(uidLine.matches("Uid:\\s+0\\s.*"), "the node must not run as root: " + uidLine);
        }

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/survivor/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kept\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        assertEquals(0, es("stop"));
        assertEquals(3, es("status"));
        assertFalse(Ports.listening(Integer.parseInt(port)), "nothing listens after stop");
        assertFalse(Files.exists(nodeDir.resolve("elasticsearch.pid")));

        assertEquals(0, es("start"));
        HttpResponse<String> kept = get("/survivor/_doc/1");
        assertEquals(200, kept.statusCode());
        assertTrue(kept.body().contains("\"kept\":true"), kept.body());
        assertEquals(0, es("stop"));
    }

    @Test
    void stoppingANodeThatIsNotRunningSaysSo() throws Exception {
        Path empty = Files.createTempDirectory("logsearch-es-none-");
        assertEquals(0, Main.run("es", "stop", "--port", Integer.toString(Ports.free()), "--data", empty.toString()));
        assertEquals(3, Main.run("es", "status", "--port", Integer.toString(Ports.free()), "--data", empty.toString()));
    }

    @Test
    void aBusyPortIsAClearFatalError() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path dir = Files.createTempDirectory("logsearch-es-busy-");
            assertEquals(1, Main.run("es", "start", "--port", Integer.toString(busy.getLocalPort()), "--data", dir.toString()));
        }
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertEquals(2, Main.run("es", "start", "--port", "notaport"));
        assertEquals(2, Main.run("es", "launch"));
    }
}
