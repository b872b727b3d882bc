package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logsearch.testsupport.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code logsearch es start|status|stop} on a real node and on a 3-node cluster, as root through setpriv when run as root. */
class EsCommandIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final List<Path> CREATED = new ArrayList<>();
    private static Path nodeDir;
    private static Path clusterDir;
    private static String port;

    /** What one in-process run of the command line printed, and its exit status. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void chooseNode() throws Exception {
        nodeDir = openTempDirectory("logsearch-es-command-");
        port = Integer.toString(Ports.free());
    }

    @AfterAll
    static void stopNodeAndRemoveDirectories() throws IOException {
        Main.run("es", "stop", "--data", nodeDir.toString());
        if (clusterDir != null) {
            Main.run("es", "stop", "--data", clusterDir.toString());
        }
        for (Path dir : CREATED) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** As root the node runs as nobody, who must be able to enter its directory: temporary directories are mode 700. */
    private static Path openTempDirectory(String prefix) throws IOException {
        return created(Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))));
    }

    private static synchronized Path created(Path dir) {
        CREATED.add(dir);
        return dir;
    }

    private static int es(String command) {
        return Main.run("es", command, "--port", port, "--data", nodeDir.toString());
    }

    private static synchronized Run capture(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String owner(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes().owner().getName();
    }

    @Test
    void startStatusStopAndDataSurvivesARestart() throws Exception {
        Path userFile = Files.writeString(nodeDir.resolve("notes.txt"), "the user's own file");
        String userFileOwner = owner(userFile);
        String dirOwner = owner(nodeDir);
        assertEquals(3, es("status"), "status before start");

        assertEquals(0, es("start"));
        assertEquals(0, es("status"));
        assertEquals(200, get("/_cluster/health").statusCode());
        assertEquals(0, es("start"), "starting a running node is a no-op");
        assertEquals(port + "\n", Files.readString(nodeDir.resolve("run/http.port")), "the port is recorded with the node");

        if (ROOT) {
            long pid = Long.parseLong(Files.readString(nodeDir.resolve("run/elasticsearch.pid")).trim());
            String uidLine = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
            assertFalse(uidLine.matches("Uid:\\s+0\\s.*"), "the node must not run as root: " + uidLine);
            assertEquals("nobody", owner(nodeDir.resolve("data")));
        }
        assertEquals(userFileOwner, owner(userFile), "a file of the user's in the node directory keeps its owner");
        assertEquals(dirOwner, owner(nodeDir), "the node directory itself keeps its owner");

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/survivor/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kept\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        assertEquals(0, es("stop"));
        assertEquals(3, es("status"));
        assertFalse(Ports.listening(Integer.parseInt(port)), "nothing listens after stop");
        assertFalse(Files.exists(nodeDir.resolve("run/elasticsearch.pid")));
        assertFalse(Files.exists(nodeDir.resolve("run/http.port")));

        assertEquals(0, es("start"));
        HttpResponse<String> kept = get("/survivor/_doc/1");
        assertEquals(200, kept.statusCode());
        assertTrue(kept.body().contains("\"kept\":true"), kept.body());

        String other = Integer.toString(Ports.free());
        Run wrongPort = capture("es", "start", "--port", other, "--data", nodeDir.toString());
        assertEquals(1, wrongPort.exit(), wrongPort.toString());
        assertTrue(wrongPort.err().contains("logsearch: Elasticsearch from " + nodeDir + " is already running at http://127.0.0.1:" + port
                + " (pid "), wrongPort.err());
        assertTrue(wrongPort.err().contains("not on port " + other + "; use --port " + port + " (or leave it out), or stop it first with"
                + " './logsearch es stop --data " + nodeDir + "'"), wrongPort.err());
        assertFalse(Ports.listening(Integer.parseInt(other)), "no second node was started");

        Run statusElsewhere = capture("es", "status", "--port", other, "--data", nodeDir.toString());
        assertEquals(3, statusElsewhere.exit(), "no node runs on the port asked for");
        assertEquals("not running on port " + other + "; the node of " + nodeDir + " runs at http://127.0.0.1:" + port + " (pid ",
                statusElsewhere.out().substring(0, statusElsewhere.out().indexOf("(pid ") + 5), statusElsewhere.out());

        Run statusWithoutPort = capture("es", "status", "--data", nodeDir.toString());
        assertEquals(0, statusWithoutPort.exit());
        assertTrue(statusWithoutPort.out().startsWith("running at http://127.0.0.1:" + port + " (pid "), statusWithoutPort.out());
        assertFalse(statusWithoutPort.out().contains("not on port"), statusWithoutPort.out());

        Run stopWithoutPort = capture("es", "stop", "--data", nodeDir.toString());
        assertEquals(0, stopWithoutPort.exit());
        assertEquals("Elasticsearch stopped.\n", stopWithoutPort.out());
        assertFalse(Ports.listening(Integer.parseInt(port)), "stop needs no --port");
    }

    /**
     * {@code es start --nodes 3}: three nodes on HTTP ports PORT to PORT+2 (transport 100 above
     * each), one cluster; {@code status} lists every node and tells a lost one; {@code start} again
     * brings back only what is missing; {@code stop} stops them all. Extended: three node starts.
     */
    @Test
    @Tag("extended")
    void aClusterOfThreeNodesStartsReportsEachNodeRestartsALostOneAndStops() throws Exception {
        clusterDir = openTempDirectory("logsearch-es-cluster-");
        int first = freeClusterPorts(3);
        String[] where = {"--port", Integer.toString(first), "--data", clusterDir.toString()};
        String urls = "http://127.0.0.1:" + first + ",http://127.0.0.1:" + (first + 1) + ",http://127.0.0.1:" + (first + 2);

        Run start = capture(concat(new String[] {"es", "start", "--nodes", "3"}, where));
        assertEquals(0, start.exit(), start.toString());
        assertTrue(start.out().contains("Elasticsearch cluster of 3 nodes is green (ready after "), start.out());
        assertTrue(start.out().contains("use it with ES_URL=" + urls + "\n"), start.out());
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (first + 2) + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(health.body().contains("\"number_of_nodes\":3,\"number_of_data_nodes\":3"), health.body());

        Run status = capture("es", "status", "--data", clusterDir.toString());
        assertEquals(0, status.exit(), status.toString());
        List<String> lines = status.out().lines().toList();
        assertEquals(4, lines.size(), status.out());
        for (int i = 0; i < 3; i++) {
            assertTrue(lines.get(i).startsWith("node-" + i + ": running at http://127.0.0.1:" + (first + i) + " (pid "), status.out());
        }
        assertEquals("3 of 3 nodes running, cluster health green", lines.get(3));

        Path lostDir = clusterDir.resolve("node-1");
        long lost = Long.parseLong(Files.readString(lostDir.resolve("run/elasticsearch.pid")).trim());
        ProcessHandle process = ProcessHandle.of(lost).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
        Run degraded = capture("es", "status", "--data", clusterDir.toString());
        assertEquals(3, degraded.exit(), "not every node runs: " + degraded);
        assertTrue(degraded.out().contains("node-1: not running (node directory " + lostDir + ")\n"), degraded.out());
        assertTrue(degraded.out().contains("2 of 3 nodes running, cluster health "), degraded.out());

        Run again = capture(concat(new String[] {"es", "start", "--nodes", "3"}, where));
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("Elasticsearch is already running at http://127.0.0.1:" + first + " (pid "), again.out());
        assertTrue(again.out().contains("Elasticsearch is already running at http://127.0.0.1:" + (first + 2) + " (pid "), again.out());
        assertFalse(again.out().contains("already running at http://127.0.0.1:" + (first + 1) + " "), "node-1 was started again: " + again.out());
        assertEquals(0, capture("es", "status", "--data", clusterDir.toString()).exit());

        Run stop = capture("es", "stop", "--data", clusterDir.toString());
        assertEquals(0, stop.exit(), stop.toString());
        assertEquals("Elasticsearch cluster stopped.\n", stop.out());
        for (int port = first; port < first + 3; port++) {
            assertFalse(Ports.listening(port), "nothing listens on " + port + " after stop");
            assertFalse(Ports.listening(port + 100), "nothing listens on transport port " + (port + 100) + " after stop");
        }
        Run stopped = capture("es", "status", "--data", clusterDir.toString());
        assertEquals(3, stopped.exit(), stopped.toString());
        assertTrue(stopped.out().endsWith("0 of 3 nodes running, cluster health none\n"), stopped.out());
    }

    /** A first HTTP port with {@code count} free ports from it, and free transport ports 100 above each. */
    private static int freeClusterPorts(int count) throws IOException {
        for (int tries = 0; tries < 100; tries++) {
            int first = Ports.free();
            if (first + count + 100 <= 65535 && IntStream.range(0, count).allMatch(i -> bindable(first + i) && bindable(first + 100 + i))) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free loopback ports (and 100 above) in 100 tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }

    @Test
    void stoppingANodeThatIsNotRunningSaysSo() throws Exception {
        Path empty = openTempDirectory("logsearch-es-none-");
        Run stop = capture("es", "stop", "--port", Integer.toString(Ports.free()), "--data", empty.toString());
        assertEquals(0, stop.exit());
        assertEquals("Elasticsearch was not running.\n", stop.out());
        Run status = capture("es", "status", "--port", Integer.toString(Ports.free()), "--data", empty.toString());
        assertEquals(3, status.exit());
        assertEquals("not running (node directory " + empty + ")\n", status.out());
    }

    /** Found before anything is fetched: with an empty home, a Maven that would fail loudly is never run. */
    @Test
    void aBusyPortIsAClearFatalErrorFoundBeforeTheDownload() throws Exception {
        Path home = openTempDirectory("logsearch-es-busy-home-");
        Path maven = home.resolve("mvn");
        Files.writeString(maven, "#!/bin/sh\necho 'MAVEN WAS RUN'\nexit 1\n");
        Files.setPosixFilePermissions(maven, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path output = home.resolve("output.txt");
            Process start = Launcher.start(Map.of("LOGSEARCH_HOME", home.toString(), "LOGSEARCH_MVN", maven.toString()), output,
                    "es", "start", "--port", Integer.toString(busy.getLocalPort()));
            assertTrue(start.waitFor(120, TimeUnit.SECONDS));
            String text = Files.readString(output);
            assertEquals(1, start.exitValue(), text);
            assertEquals("logsearch: HTTP port " + busy.getLocalPort() + " on 127.0.0.1 is already in use; "
                    + "stop what listens there or choose another port with --port\n", text);
        }
        assertFalse(Files.exists(home.resolve("dist")), "nothing was fetched");
        assertFalse(Files.exists(home.resolve("node")), "nothing was prepared");
    }

    @Test
    void aClosedNodeDirectoryIsAClearErrorAsRoot() throws Exception {
        assumeTrue(ROOT, "only root hands the node to another user");
        Path closed = created(Files.createTempDirectory("logsearch-es-closed-"));
        Run start = capture("es", "start", "--port", Integer.toString(Ports.free()), "--data", closed.toString());
        assertEquals(1, start.exit());
        assertTrue(start.err().contains("the node runs as 'nobody', which cannot enter " + closed + " (mode rwx------); allow it (chmod o+x "
                + closed + ") or choose another directory"), start.err());
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertEquals(2, Main.run("es", "start", "--port", "notaport"));
        assertEquals(2, Main.run("es", "launch"));
        Run port = capture("es", "start", "--port", "70000");
        assertEquals(2, port.exit());
        assertTrue(port.err().contains("Invalid value for option '--port': HTTP port 70000 is outside 1-65535"), port.err());
        Run heap = capture("es", "start", "--heap", "x");
        assertEquals(2, heap.exit());
        assertTrue(heap.err().contains("Invalid value for option '--heap': heap 'x' is not a JVM memory size such as 512m or 1g"), heap.err());
    }
}
