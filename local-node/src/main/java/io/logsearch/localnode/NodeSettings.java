package io.logsearch.localnode;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how one local node runs.
 *
 * @param httpPort      the HTTP port
 * @param transportPort the transport port, explicit so that two nodes can coexist
 * @param nodeDir       the node's own directory: data, logs, config, pid and port (see {@link NodeDirectory})
 * @param heap          the JVM heap, e.g. {@code 512m}, used for both -Xms and -Xmx
 * @param extra         further Elasticsearch settings ({@code -E key=value}), e.g. a small write queue in tests
 */
public record NodeSettings(int httpPort, int transportPort, Path nodeDir, String heap, Map<String, String> extra) {

    public static final int DEFAULT_HTTP_PORT = 9200;
    public static final String DEFAULT_HEAP = "512m";
    private static final Pattern HEAP = Pattern.compile("[1-9]\\d*[kmgKMG]?");

    public NodeSettings {
        checkPort(httpPort, "HTTP");
        checkPort(transportPort, "transport");
        if (httpPort == transportPort) {
            throw new IllegalArgumentException("HTTP and transport ports must differ, both are " + httpPort);
        }
        checkHeap(heap);
        nodeDir = nodeDir.toAbsolutePath().normalize();
        extra = Map.copyOf(extra);
    }

    /** Settings for {@code httpPort}, with the transport port 100 above it as Elasticsearch itself does. */
    public static NodeSettings of(int httpPort, Path nodeDir) {
        checkPort(httpPort, "HTTP");
        int transportPort = httpPort + 100 <= 65535 ? httpPort + 100 : httpPort - 100;
        return new NodeSettings(httpPort, transportPort, nodeDir, DEFAULT_HEAP, Map.of());
    }

    public NodeSettings withHeap(String value) {
        return new NodeSettings(httpPort, transportPort, nodeDir, value, extra);
    }

    public String url() {
        return url(httpPort);
    }

    public NodeDirectory directory() {
        return new NodeDirectory(nodeDir);
    }

    static String url(int httpPort) {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Refuses a port outside 1-65535, naming it as {@code what} (e.g. HTTP). */
    public static void checkPort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " port " + port + " is outside 1-65535");
        }
    }

    /** Refuses a heap size the JVM would not take, such as {@code x} or {@code 0}. */
    public static void checkHeap(String heap) {
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap '" + heap + "' is not a JVM memory size such as 512m or 1g");
        }
    }
}
