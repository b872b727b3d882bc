package io.logsearch.testsupport;

import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A local node on free ports with a temporary directory, for tests; {@link #close()} removes it all. */
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
        try {
            Path dir = Files.createTempDirectory("logsearch-it-");
            int httpPort = Ports.free();
            int transportPort = Ports.free();
            while (transportPort == httpPort) {
                transportPort = Ports.free();
            }
            LocalNode node = new LocalNode(new NodeSettings(httpPort, transportPort, dir, NodeSettings.DEFAULT_HEAP, settings));
            node.start(message -> System.err.println("[test-support] " + message));
            return new EphemeralNode(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for a test node", e);
        }
    }

    public LocalNode node() {
        return node;
    }

    public String url() {
        return node.settings().url();
    }

    @Override
    public void close() {
        node.stop();
        try (Stream<Path> paths = Files.walk(node.settings().nodeDir())) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test node directory " + node.settings().nodeDir(), e);
        }
    }
}
