package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pid file is believed only when it names a live process started for this very directory. */
class NodeDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void noPidFileMeansNotRunning() {
        assertEquals(Optional.empty(), new NodeDirectory(dir).running());
    }

    @Test
    void aLiveProcessOfAnotherDirectoryIsNotThisNodeEvenWhenItsNameStartsTheSame() throws Exception {
        NodeDirectory mine = new NodeDirectory(dir.resolve("mine"));
        NodeDirectory other = new NodeDirectory(dir.resolve("mine2"));
        Process impostor = pretendNode(other);
        try {
            writeRun(mine, impostor.pid(), 9200);
            assertEquals(Optional.empty(), mine.running(), "a recycled pid, or another directory's node, is not ours");
        } finally {
            impostor.destroy();
        }
    }

    @Test
    void thisDirectorysLiveProcessIsRunningOnItsRecordedPort() throws Exception {
        NodeDirectory mine = new NodeDirectory(dir.resolve("mine"));
        Process node = pretendNode(mine);
        try {
            writeRun(mine, node.pid(), 9250);
            assertEquals(Optional.of(new RunningNode(node.pid(), 9250)), mine.running());
            assertEquals("http://127.0.0.1:9250", mine.running().orElseThrow().url());
        } finally {
            node.destroy();
            node.waitFor();
        }
        assertEquals(Optional.empty(), mine.running(), "a dead process is not running");
    }

    @Test
    void aLiveNodeWithoutARecordedPortIsAClearError() throws Exception {
        NodeDirectory mine = new NodeDirectory(dir.resolve("mine"));
        Process node = pretendNode(mine);
        try {
            writeRun(mine, node.pid(), 9250);
            Files.delete(mine.portFile());
            LocalNodeException e = assertThrows(LocalNodeException.class, mine::running);
            assertTrue(e.getMessage().contains("is running (pid " + node.pid() + ") but its HTTP port is not recorded in " + mine.portFile()),
                    e.getMessage());
        } finally {
            node.destroy();
        }
    }

    @Test
    void theMarkerNamesTheDirectoryWithoutWhitespace() {
        NodeDirectory spaced = new NodeDirectory(dir.resolve("with space"));
        assertFalse(spaced.processMarker().contains(" "), spaced.processMarker());
        assertFalse(new NodeDirectory(dir.resolve("a")).processMarker().equals(new NodeDirectory(dir.resolve("b")).processMarker()));
    }

    @Test
    void forgettingARunRemovesThePidAndPortFiles() throws IOException {
        NodeDirectory mine = new NodeDirectory(dir);
        writeRun(mine, 1, 9200);
        mine.forgetRun();
        assertFalse(Files.exists(mine.pidFile()));
        assertFalse(Files.exists(mine.portFile()));
        assertTrue(Files.isDirectory(mine.run()));
    }

    /**
     * A long-running process whose command line carries the directory's marker, as the node's does;
     * a loop of short sleeps, so that no child outlives it for long.
     */
    private static Process pretendNode(NodeDirectory directory) throws IOException {
        return new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", directory.processMarker()).start();
    }

    private static void writeRun(NodeDirectory directory, long pid, int port) throws IOException {
        Files.createDirectories(directory.run());
        Files.writeString(directory.pidFile(), pid + "\n");
        directory.recordPort(port);
    }
}
