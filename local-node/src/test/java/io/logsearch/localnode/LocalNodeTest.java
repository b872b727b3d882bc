package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LocalNode#start} refuses before it fetches, writes or launches anything. */
class LocalNodeTest {

    @TempDir
    Path dir;

    @Test
    void aBusyPortIsFoundBeforeAnythingIsPrepared() throws IOException {
        Path nodeDir = dir.resolve("node");
        List<String> progress = new ArrayList<>();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalNode node = new LocalNode(NodeSettings.of(busy.getLocalPort(), nodeDir));
            PortInUseException e = assertThrows(PortInUseException.class, () -> node.start(progress::add));
            assertEquals("HTTP port " + busy.getLocalPort() + " on 127.0.0.1 is already in use", e.getMessage());
        }
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int httpPort = busy.getLocalPort() == 65535 ? 65534 : busy.getLocalPort() + 1;
            LocalNode node = new LocalNode(new NodeSettings(httpPort, busy.getLocalPort(), nodeDir, "512m", Map.of()));
            PortInUseException e = assertThrows(PortInUseException.class, () -> node.start(progress::add));
            assertEquals("transport port " + busy.getLocalPort() + " on 127.0.0.1 is already in use", e.getMessage());
        }
        assertEquals(List.of(), progress, "nothing was fetched or started");
        assertFalse(Files.exists(nodeDir), "nothing was written");
    }

    @Test
    void aNodeRunningFromTheDirectoryOnAnotherPortIsNamedNotWaitedFor() throws Exception {
        NodeDirectory directory = new NodeDirectory(dir);
        Process running = new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", directory.processMarker()).start();
        try {
            Files.createDirectories(directory.run());
            Files.writeString(directory.pidFile(), Long.toString(running.pid()));
            directory.recordPort(9250);
            LocalNode node = new LocalNode(NodeSettings.of(9300, dir));
            long started = System.nanoTime();
            LocalNodeException e = assertThrows(LocalNodeException.class, () -> node.start(message -> { }));
            assertEquals("Elasticsearch from " + dir.toAbsolutePath() + " is already running at http://127.0.0.1:9250 (pid "
                    + running.pid() + "), not on port 9300", e.getMessage());
            assertTrue(System.nanoTime() - started < 5_000_000_000L, "refused at once");
            assertTrue(running.isAlive(), "a node this call did not start is left alone");
        } finally {
            running.destroy();
        }
    }

    @Test
    void aNodeThatNeverBecomesHealthyIsStoppedAgain() throws Exception {
        Path nodeDir = dir.resolve("node");
        int port = freePort();
        LocalNode node = new LocalNode(NodeSettings.of(port, nodeDir), fakeDistribution(""), Duration.ofSeconds(2));

        LocalNodeException e = assertThrows(LocalNodeException.class, () -> node.start(message -> { }));

        assertTrue(e.getMessage().startsWith("Elasticsearch at http://127.0.0.1:" + port + " did not answer health checks within 2 s"),
                e.getMessage());
        long pid = Long.parseLong(Files.readString(nodeDir.resolve("run/launched")).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the node that never became healthy is stopped");
        assertFalse(Files.exists(nodeDir.resolve("run/elasticsearch.pid")));
    }

    /** Elasticsearch deletes its pid file when it begins to shut down, e.g. on the Ctrl-C that also reaches logsearch. */
    @Test
    void theNodeThisCallLaunchedIsStoppedEvenWhenItsPidFileIsGone() throws Exception {
        Path nodeDir = dir.resolve("node");
        LocalNode node = new LocalNode(NodeSettings.of(freePort(), nodeDir), fakeDistribution("(sleep 1; rm -f \"$3\") &\n"),
                Duration.ofSeconds(2));

        assertThrows(LocalNodeException.class, () -> node.start(message -> { }));

        long pid = Long.parseLong(Files.readString(nodeDir.resolve("run/launched")).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the launched node is stopped without its pid file");
    }

    /**
     * A distribution whose launcher, like the real one with {@code -d -p FILE}, leaves a process behind,
     * named in the pid file, with ES_JAVA_OPTS on its command line; but this one never answers on its port.
     * {@code more} is shell run after the pid file is written.
     */
    private Path fakeDistribution(String more) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path distributions = dir.resolve("dist");
        Path home = distributions.resolve("elasticsearch-" + Distribution.VERSION);
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/elasticsearch.yml"), "# defaults\n");
        Path launcher = Files.createDirectories(home.resolve("bin")).resolve("elasticsearch");
        Files.writeString(launcher, "#!/bin/sh\nsh -c 'while :; do sleep 1; done' \"$ES_JAVA_OPTS\" >/dev/null 2>&1 &\n"
                + "echo $! > \"$3\"\necho $! > \"$(dirname \"$3\")/launched\"\n" + more);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return distributions;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    @Test
    void stoppingANodeThatIsNotRunningClearsItsRunFiles() throws IOException {
        NodeDirectory directory = new NodeDirectory(dir);
        Files.createDirectories(directory.run());
        Files.writeString(directory.pidFile(), "999999999");
        directory.recordPort(9200);
        assertFalse(new LocalNode(NodeSettings.of(9200, dir)).stop());
        assertFalse(Files.exists(directory.pidFile()));
        assertFalse(Files.exists(directory.portFile()));
    }
}
