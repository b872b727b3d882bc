package io.logsearch.localnode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directory of one local node: {@code data/}, {@code logs/} and {@code config/} of the node, and
 * {@code run/} with the pid file Elasticsearch writes and the HTTP port logsearch records at start.
 * As root these four belong to the node user; the directory itself and anything else in it stay as
 * they are.
 */
public record NodeDirectory(Path root) {

    private static final String MARKER_PROPERTY = "-Dlogsearch.node.dir=";

    public NodeDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** The node started from this directory, when it is alive. */
    public Optional<RunningNode> running() {
        return process().map(process -> new RunningNode(process.pid(), recordedPort(process.pid())));
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path config() {
        return root.resolve("config");
    }

    Path run() {
        return root.resolve("run");
    }

    Path pidFile() {
        return run().resolve("elasticsearch.pid");
    }

    Path portFile() {
        return run().resolve("http.port");
    }

    Path consoleLog() {
        return logs().resolve("console.log");
    }

    /** The directories the node writes to, which the node user must own. */
    List<Path> nodeOwned() {
        return List.of(data(), logs(), config(), run());
    }

    /**
     * A JVM option that names this directory on the node's command line, so that a pid found in the
     * pid file can be told apart from an unrelated process that got the same pid later. URL-encoded
     * because Elasticsearch splits {@code ES_JAVA_OPTS} at whitespace.
     */
    String processMarker() {
        return MARKER_PROPERTY + URLEncoder.encode(root.toString(), StandardCharsets.UTF_8);
    }

    void recordPort(int httpPort) throws IOException {
        Files.writeString(portFile(), httpPort + "\n", StandardCharsets.US_ASCII);
    }

    void forgetRun() throws IOException {
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(portFile());
    }

    /** The live process the pid file names, when it is this directory's node. */
    Optional<ProcessHandle> process() {
        if (!Files.isRegularFile(pidFile())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isThisNode);
    }

    /**
     * The marker must be a whole argument: {@code /srv/node}'s is a prefix of {@code /srv/node2}'s.
     * Where the platform hides a process's command line, the pid file is all there is to go by.
     */
    private boolean isThisNode(ProcessHandle process) {
        return process.info().commandLine().map(line -> (" " + line + " ").contains(" " + processMarker() + " ")).orElse(true);
    }

    private int recordedPort(long pid) {
        try {
            return Integer.parseInt(Files.readString(portFile(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new LocalNodeException("Elasticsearch from " + root + " is running (pid " + pid + ") but its HTTP port is not recorded in "
                    + portFile() + " (" + e.getMessage() + "); stop it and start it again", e);
        }
    }
}
