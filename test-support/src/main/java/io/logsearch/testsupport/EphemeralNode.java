package io.logsearch.testsupport;

import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.localnode.RunningNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A local node on free ports with a temporary directory, for tests; {@link #close()} stops the node
 * and removes the directory, and a node that fails to start leaves neither behind.
 */
public final class EphemeralNode implements AutoCloseable {

    /** Test machines run several builds and nodes at once: a node there may start slowly. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final LocalNode node;

    private EphemeralNode(LocalNode node) {
        this.node = node;
    }

    /** Starts a node with the default heap and Elasticsearch settings. */
    public static EphemeralNode start() {
        return start(Map.of());
    }

    /** Starts a node with further Elasticsearch settings, e.g. {@code thread_pool.write.queue_size}. */
    public static EphemeralNode start(Map<String, String> settings) {
        return start(node -> new LocalNode(node, START_TIMEOUT), settings);
    }

    /**
     * Starts a node with security on: HTTPS (its CA is {@code node().caCertificate()}) and the
     * {@code elastic} user with {@code elasticPassword}.
     */
    public static EphemeralNode startSecured(String elasticPassword) {
        return start(node -> LocalNode.secured(node, elasticPassword), Map.of());
    }

    private static EphemeralNode start(Function<NodeSettings, LocalNode> kind, Map<String, String> settings) {
        Path dir;
        try {
            // open to others: as root the node runs as nobody, who must be able to enter it
            dir = Files.createTempDirectory("logsearch-it-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for a test node", e);
        }
        int httpPort = Ports.free();
        int transportPort = Ports.free();
        while (transportPort == httpPort) {
            transportPort = Ports.free();
        }
        EphemeralNode ephemeral = new EphemeralNode(kind.apply(new NodeSettings(httpPort, transportPort, dir, NodeSettings.DEFAULT_HEAP, settings)));
        try {
            ephemeral.node.start(message -> System.err.println("[test-support] " + message));
            return ephemeral;
        } catch (RuntimeException e) {
            try {
                ephemeral.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    public LocalNode node() {
        return node;
    }

    public String url() {
        return node.url();
    }

    /**
     * Kills the node with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown, no
     * flush. Its data directory stays as it is, for {@link #restart()}.
     */
    public void kill() {
        RunningNode running = node.running().orElseThrow(() -> new IllegalStateException("the test node at " + url() + " is not running"));
        ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow(() -> new IllegalStateException("no process " + running.pid()));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Starts the node again on the same ports and data directory, after {@link #kill()} or a stop. */
    public void restart() {
        node.start(message -> System.err.println("[test-support] " + message));
    }

    /** Stops the node, then removes its directory even when stopping failed. */
    @Override
    public void close() {
        try {
            node.stop();
        } finally {
            deleteDirectory();
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(node.settings().nodeDir())) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test node directory " + node.settings().nodeDir(), e);
        }
    }
}
