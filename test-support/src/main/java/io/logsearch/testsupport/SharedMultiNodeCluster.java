package io.logsearch.testsupport;

import io.logsearch.localnode.LocalCluster;
import io.logsearch.localnode.NodeDirectory;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.localnode.RunningNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one 3-node cluster every cluster test class of a test JVM shares, started on first use and
 * stopped (its directory removed) when the JVM exits. {@code ES_CLUSTER_DIR} names a cluster started
 * with {@code logsearch es start --nodes 3 --data DIR} instead, which is used as it is and left running.
 * Not {@code ES_URL}: the tests kill and restart nodes, so they need nodes whose processes they own.
 */
final class SharedMultiNodeCluster {

    static final int NODES = 3;
    private static LocalCluster cluster;

    private SharedMultiNodeCluster() {
    }

    static synchronized LocalCluster cluster() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster;
    }

    private static LocalCluster start() {
        String explicit = System.getenv("ES_CLUSTER_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return existing(Path.of(explicit));
        }
        Path dir;
        try {
            // open to others: as root the nodes run as nobody, who must be able to enter it
            dir = Files.createTempDirectory("logsearch-cluster-it-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for a test cluster", e);
        }
        List<NodeSettings> members = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            members.add(new NodeSettings(freePort(taken), freePort(taken), dir.resolve("node-" + i), NodeSettings.DEFAULT_HEAP, Map.of()));
        }
        LocalCluster started = LocalCluster.of("logsearch-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), members);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.stop();
            } finally {
                Directories.delete(dir);
            }
        }, "stop-test-cluster"));
        started.start(message -> System.err.println("[test-support] " + message));
        return started;
    }

    /** The cluster of {@code dir} on the ports its running first node recorded. */
    private static LocalCluster existing(Path dir) {
        List<NodeDirectory> members = LocalCluster.membersOf(dir);
        if (members.size() != NODES) {
            throw new IllegalStateException("ES_CLUSTER_DIR " + dir + " holds " + members.size() + " nodes, not " + NODES
                    + "; start one with 'logsearch es start --nodes " + NODES + " --data " + dir + "'");
        }
        int firstPort = members.get(0).running().map(RunningNode::httpPort)
                .orElseThrow(() -> new IllegalStateException("the first node of ES_CLUSTER_DIR " + dir + " is not running"));
        LocalCluster found = LocalCluster.of(NODES, firstPort, dir, NodeSettings.DEFAULT_HEAP);
        found.start(message -> System.err.println("[test-support] " + message));
        return found;
    }

    private static int freePort(List<Integer> taken) {
        int port = Ports.free();
        while (taken.contains(port)) {
            port = Ports.free();
        }
        taken.add(port);
        return port;
    }
}
