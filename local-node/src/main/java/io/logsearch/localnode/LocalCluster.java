package io.logsearch.localnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Several local nodes of one distribution forming one cluster on loopback: every node is master
 * eligible and holds data, finds the others through {@code discovery.seed_hosts}, and the first
 * start bootstraps the cluster from all of them ({@code cluster.initial_master_nodes}). Node
 * {@code i} of a cluster directory {@code DIR} lives in {@code DIR/node-i}, a node directory of
 * its own.
 */
public final class LocalCluster {

    public static final String DEFAULT_NAME = "logsearch-local";
    private static final String MEMBER_PREFIX = "node-";
    private static final Pattern MEMBER = Pattern.compile(MEMBER_PREFIX + "\\d+");
    /** Twice a single node's: the nodes start on one machine, each slowed by the others. */
    static final Duration START_TIMEOUT = LocalNode.START_TIMEOUT.multipliedBy(2);

    private final List<LocalNode> nodes;
    private final Duration startTimeout;

    private LocalCluster(List<LocalNode> nodes, Duration startTimeout) {
        this.nodes = List.copyOf(nodes);
        this.startTimeout = startTimeout;
    }

    /**
     * {@code count} nodes in {@code dir/node-0…}, with HTTP ports from {@code firstHttpPort} up and
     * transport ports 100 above each, as Elasticsearch numbers them.
     */
    public static LocalCluster of(int count, int firstHttpPort, Path dir, String heap) {
        if (count < 2) {
            throw new IllegalArgumentException("a cluster has 2 nodes or more, not " + count);
        }
        NodeSettings.checkPort(firstHttpPort + count - 1 + 100, "transport");
        List<NodeSettings> members = IntStream.range(0, count)
                .mapToObj(i -> new NodeSettings(firstHttpPort + i, firstHttpPort + 100 + i, memberDir(dir, i), heap, Map.of()))
                .toList();
        return of(DEFAULT_NAME, members);
    }

    /** A cluster named {@code name} of nodes that run as {@code members} say, e.g. on free ports in tests. */
    public static LocalCluster of(String name, List<NodeSettings> members) {
        String seedHosts = members.stream().map(m -> "127.0.0.1:" + m.transportPort()).collect(Collectors.joining(","));
        String masters = IntStream.range(0, members.size()).mapToObj(i -> name + "-" + i).collect(Collectors.joining(","));
        List<LocalNode> nodes = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            NodeSettings member = members.get(i);
            Map<String, String> extra = new HashMap<>(member.extra());
            extra.put("cluster.name", name);
            extra.put("node.name", name + "-" + i);
            extra.put("discovery.seed_hosts", seedHosts);
            extra.put("cluster.initial_master_nodes", masters);
            // a node launched alone must not wait for the others it is about to be joined by
            extra.put("discovery.initial_state_timeout", "0s");
            nodes.add(new LocalNode(new NodeSettings(member.httpPort(), member.transportPort(), member.nodeDir(), member.heap(), extra),
                    Home.distributions(), START_TIMEOUT));
        }
        return new LocalCluster(nodes, START_TIMEOUT);
    }

    /** The directories of the nodes of a cluster directory, in their order; none when {@code dir} holds no cluster. */
    public static List<NodeDirectory> membersOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> MEMBER.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .sorted((a, b) -> Integer.compare(memberNumber(a), memberNumber(b)))
                    .map(NodeDirectory::new)
                    .toList();
        } catch (IOException e) {
            throw new LocalNodeException("cannot list the cluster directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public List<LocalNode> nodes() {
        return nodes;
    }

    /** Every node's URL, comma-separated, as {@code ES_URL} takes them. */
    public String urls() {
        return nodes.stream().map(n -> n.settings().url()).collect(Collectors.joining(","));
    }

    /**
     * Launches the nodes that do not run yet, one after the other, and returns once every node has
     * joined and the cluster is green. Busy ports of any of them are refused before anything starts. When it does not get there in time, the nodes this call
     * launched are stopped again and the error has the tail of the first one's log.
     */
    public void start(Progress progress) {
        for (LocalNode node : nodes) {
            if (node.running().isEmpty()) {
                LocalNode.checkPortFree(node.settings().httpPort(), "HTTP");
                LocalNode.checkPortFree(node.settings().transportPort(), "transport");
            }
        }
        List<LocalNode> launched = new ArrayList<>();
        try {
            Instant deadline = Instant.now().plus(startTimeout);
            for (LocalNode node : nodes) {
                Optional<RunningNode> running = node.running();
                if (running.isPresent()) {
                    if (running.get().httpPort() != node.settings().httpPort()) {
                        throw new LocalNodeException("Elasticsearch from " + node.settings().nodeDir() + " is already running at "
                                + running.get().url() + " (pid " + running.get().pid() + "), not on port " + node.settings().httpPort());
                    }
                    progress.report("Elasticsearch is already running at " + running.get().url() + " (pid " + running.get().pid() + ")");
                    continue;
                }
                deadline = node.launch(progress);
                launched.add(node);
            }
            progress.report("Waiting for the " + nodes.size() + " nodes to form a green cluster...");
            awaitGreen(deadline);
        } catch (RuntimeException e) {
            for (LocalNode node : launched) {
                try {
                    node.stop();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            throw e;
        }
    }

    /** Stops every node; returns false when none was running. */
    public boolean stop() {
        boolean any = false;
        for (LocalNode node : nodes) {
            any |= node.stop();
        }
        return any;
    }

    /** The cluster health status as the first node that answers reports it. */
    public Optional<String> healthStatus() {
        return nodes.stream().map(n -> n.health("")).flatMap(Optional::stream).findFirst();
    }

    private void awaitGreen(Instant deadline) {
        String query = "?wait_for_status=green&wait_for_nodes=" + nodes.size() + "&timeout=1s";
        while (Instant.now().isBefore(deadline)) {
            if (nodes.stream().anyMatch(n -> n.health(query).isPresent())) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalNodeException("interrupted while waiting for the cluster to become green", e);
            }
        }
        throw new LocalNodeException("the " + nodes.size() + " nodes at " + urls() + " did not form a green cluster within "
                + startTimeout.toSeconds() + " s (health: " + healthStatus().orElse("no node answers") + "). Last log lines of "
                + nodes.get(0).settings().nodeDir() + ":\n" + nodes.get(0).logTail(30));
    }

    private static Path memberDir(Path dir, int i) {
        return dir.resolve(MEMBER_PREFIX + i);
    }

    private static int memberNumber(Path member) {
        return Integer.parseInt(member.getFileName().toString().substring(MEMBER_PREFIX.length()));
    }
}
