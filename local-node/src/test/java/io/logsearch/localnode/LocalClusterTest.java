package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout and settings of a local cluster, and what it refuses before anything starts. */
class LocalClusterTest {

    @TempDir
    Path dir;

    @Test
    void nodeIOfTheClusterLivesInNodeIOnConsecutivePortsAndKnowsEveryOther() {
        LocalCluster cluster = LocalCluster.of(3, 9200, dir, "384m");
        List<LocalNode> nodes = cluster.nodes();
        assertEquals(3, nodes.size());
        for (int i = 0; i < 3; i++) {
            NodeSettings settings = nodes.get(i).settings();
            assertEquals(9200 + i, settings.httpPort());
            assertEquals(9300 + i, settings.transportPort());
            assertEquals(dir.resolve("node-" + i).toAbsolutePath(), settings.nodeDir());
            assertEquals("384m", settings.heap());
            assertEquals(Map.of(
                    "cluster.name", "logsearch-local",
                    "node.name", "logsearch-local-" + i,
                    "discovery.seed_hosts", "127.0.0.1:9300,127.0.0.1:9301,127.0.0.1:9302",
                    "cluster.initial_master_nodes", "logsearch-local-0,logsearch-local-1,logsearch-local-2",
                    "discovery.initial_state_timeout", "0s"), settings.extra());
        }
        assertEquals("http://127.0.0.1:9200,http://127.0.0.1:9201,http://127.0.0.1:9202", cluster.urls());
    }

    @Test
    void aClusterHasTwoNodesOrMoreAndPortsThatExist() {
        assertEquals("a cluster has 2 nodes or more, not 1",
                assertThrows(IllegalArgumentException.class, () -> LocalCluster.of(1, 9200, dir, "512m")).getMessage());
        assertEquals("transport port 65536 is outside 1-65535",
                assertThrows(IllegalArgumentException.class, () -> LocalCluster.of(3, 65434, dir, "512m")).getMessage());
    }

    @Test
    void theMembersOfAClusterDirectoryAreFoundInTheirOrder() throws IOException {
        assertEquals(List.of(), LocalCluster.membersOf(dir.resolve("missing")));
        for (String name : new String[] {"node-10", "node-2", "node-0", "node-1", "notes", "node-x"}) {
            Files.createDirectories(dir.resolve(name));
        }
        Files.writeString(dir.resolve("node-3"), "a file, not a node");
        assertEquals(List.of(new NodeDirectory(dir.resolve("node-0")), new NodeDirectory(dir.resolve("node-1")),
                new NodeDirectory(dir.resolve("node-2")), new NodeDirectory(dir.resolve("node-10"))), LocalCluster.membersOf(dir));
    }

    @Test
    void aBusyPortOfTheSecondNodeStopsTheStartBeforeTheFirstIsPrepared() throws IOException {
        List<String> progress = new ArrayList<>();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = busy.getLocalPort();
            int other = taken > 60000 ? taken - 10 : taken + 10;
            LocalCluster cluster = LocalCluster.of("test", List.of(
                    new NodeSettings(other, other + 1, dir.resolve("node-0"), "512m", Map.of()),
                    new NodeSettings(taken, other + 2, dir.resolve("node-1"), "512m", Map.of())));
            PortInUseException e = assertThrows(PortInUseException.class, () -> cluster.start(progress::add));
            assertEquals("HTTP port " + taken + " on 127.0.0.1 is already in use", e.getMessage());
        }
        assertEquals(List.of(), progress, "nothing was fetched or started");
        assertFalse(Files.exists(dir.resolve("node-0")), "nothing was written");
    }
}
