package io.logsearch.testsupport;

import io.logsearch.localnode.LocalCluster;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.RunningNode;
import java.time.Duration;
import java.util.List;

/**
 * The local multi-node cluster a test class runs against, with an index base of its own, and the
 * means to lose a node and bring it back: {@link #kill} sends SIGKILL to one node's process,
 * {@link #restart} starts what is missing again and waits for green.
 */
public final class TestCluster {

    private final LocalCluster cluster;
    private final String indexBase;

    TestCluster(LocalCluster cluster, String indexBase) {
        this.cluster = cluster;
        this.indexBase = indexBase;
    }

    /** Every node's URL, comma-separated, as {@code ES_URL} takes them. */
    public String urls() {
        return cluster.urls();
    }

    /** The URL of node {@code i} alone. */
    public String url(int i) {
        return node(i).settings().url();
    }

    public int size() {
        return cluster.nodes().size();
    }

    public String indexBase() {
        return indexBase;
    }

    /** The HTTP port of node {@code i}. */
    public int port(int i) {
        return node(i).settings().httpPort();
    }

    /** Kills node {@code i} with SIGKILL, as a crash or the OOM killer would, and returns once it is gone; returns its pid. */
    public long kill(int i) {
        RunningNode running = node(i).running().orElseThrow(() -> new IllegalStateException("node " + i + " is not running"));
        ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        return running.pid();
    }

    /** Starts the nodes that are not running and returns how long the cluster took to be green again. */
    public Duration restart() {
        long started = System.nanoTime();
        cluster.start(message -> System.err.println("[test-support] " + message));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private LocalNode node(int i) {
        List<LocalNode> nodes = cluster.nodes();
        return nodes.get(i);
    }
}
