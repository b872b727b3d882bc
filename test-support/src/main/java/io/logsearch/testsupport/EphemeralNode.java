package io.logsearch.testsupport;

import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A local node on free ports with a temporary directory, for tests; {@link #close()} stops the node
 * and removes the directory, and a node that fails to start leaves neither behind.
 */
public final class EphemeralNode implements AutoCloseable {

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
        return start(LocalNode::new, settings);
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
