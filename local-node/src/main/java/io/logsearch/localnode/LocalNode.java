package io.logsearch.localnode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One single-node Elasticsearch running as a child process of its own: started in the background
 * ({@code -d}), found again through the pid file in its node directory, so a later command can
 * ask for its status or stop it. Data stays in the node directory between runs.
 */
public final class LocalNode {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final NodeSettings settings;

    public LocalNode(NodeSettings settings) {
        this.settings = settings;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Starts the node, or does nothing when it already runs, and returns once it answers health checks. */
    public void start(Progress progress) {
        if (pid().isPresent()) {
            progress.report("Elasticsearch is already running at " + settings.url() + " (pid " + pid().get() + ")");
            awaitHealth(Instant.now().plus(START_TIMEOUT));
            return;
        }
        Distribution distribution = Distribution.provide(progress);
        try {
            prepareNodeDir(distribution);
        } catch (IOException e) {
            throw new LocalNodeException("cannot prepare the node directory " + settings.nodeDir() + ": " + e.getMessage(), e);
        }
        checkPortFree(settings.httpPort(), "HTTP");
        checkPortFree(settings.transportPort(), "transport");
        progress.report("Starting Elasticsearch " + Distribution.VERSION + " at " + settings.url()
                + " (data in " + settings.dataDir() + ")...");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        launch(distribution, deadline);
        awaitHealth(deadline);
    }

    /** Stops the node this directory's pid file names; returns false when it was not running. */
    public boolean stop() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            deleteStalePidFile();
            return false;
        }
        ProcessHandle node = process.get();
        node.destroy();
        try {
            node.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            node.destroyForcibly();
            node.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while stopping Elasticsearch (pid " + node.pid() + ")", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new LocalNodeException("could not wait for Elasticsearch (pid " + node.pid() + ") to stop", e);
        }
        deleteStalePidFile();
        return true;
    }

    /** The pid of this directory's node when it is alive. */
    public Optional<Long> pid() {
        return process().map(ProcessHandle::pid);
    }

    /** True when the node answers health checks and its data is usable (cluster status yellow or green). */
    public boolean isHealthy() {
        return health("?wait_for_status=yellow&timeout=1s").isPresent();
    }

    /** The cluster health status ({@code green}, {@code yellow}, {@code red}) when the node answers. */
    public Optional<String> healthStatus() {
        return health("");
    }

    private Optional<String> health(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + "/_cluster/health" + query))
                .timeout(Duration.ofSeconds(3))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"").matcher(response.body());
            return Optional.of(status.find() ? status.group(1) : "unknown");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last lines of the node's own log, for error messages. */
    public String logTail(int lines) {
        Path serverLog = settings.logsDir().resolve("elasticsearch.log");
        return LogTail.of(Files.exists(serverLog) ? serverLog : settings.consoleLog(), lines);
    }

    private Optional<ProcessHandle> process() {
        Path pidFile = settings.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LocalNode::isElasticsearch);
    }

    /** Guards against a recycled pid: the process must be an Elasticsearch JVM. */
    private static boolean isElasticsearch(ProcessHandle process) {
        return process.info().commandLine()
                .or(() -> process.info().command())
                .map(cmd -> cmd.contains("elasticsearch"))
                .orElse(true);
    }

    private void deleteStalePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            throw new LocalNodeException("cannot remove the stale pid file " + settings.pidFile() + ": " + e.getMessage(), e);
        }
    }

    private void prepareNodeDir(Distribution distribution) throws IOException {
        Privileges.checkReachableByNodeUser(settings.nodeDir());
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.logsDir());
        if (!Files.isDirectory(settings.configDir())) {
            copyTree(distribution.defaultConfig(), settings.configDir());
        }
        Privileges.giveToNodeUser(settings.nodeDir());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    private static void checkPortFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LocalNodeException(what + " port " + port + " on 127.0.0.1 is already in use; "
                    + "stop what listens there or choose another port with --port");
        }
    }

    private void launch(Distribution distribution, Instant deadline) {
        List<String> command = new ArrayList<>(Privileges.dropPrefix());
        command.add(distribution.launcher().toString());
        command.addAll(List.of("-d", "-p", settings.pidFile().toString()));
        Map<String, String> esSettings = new java.util.TreeMap<>(Map.of(
                "discovery.type", "single-node",
                "network.host", "127.0.0.1",
                "http.port", Integer.toString(settings.httpPort()),
                "transport.port", Integer.toString(settings.transportPort()),
                "xpack.security.enabled", "false",
                "cluster.routing.allocation.disk.threshold_enabled", "false",
                "node.name", "logsearch-local",
                "path.data", settings.dataDir().toString(),
                "path.logs", settings.logsDir().toString()));
        esSettings.putAll(settings.extra());
        esSettings.forEach((key, value) -> command.add("-E" + key + "=" + value));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.consoleLog().toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", javaHome());
        env.put("ES_PATH_CONF", settings.configDir().toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        try {
            Process launcher = builder.start();
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            if (!launcher.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                launcher.destroyForcibly();
                stop();
                throw new LocalNodeException("Elasticsearch did not start within " + START_TIMEOUT.toSeconds() + " s. Last log lines:\n" + logTail(30));
            }
            if (launcher.exitValue() != 0) {
                throw new LocalNodeException("Elasticsearch failed to start (exit " + launcher.exitValue() + "). Last log lines:\n"
                        + LogTail.of(settings.consoleLog(), 30));
            }
        } catch (IOException e) {
            throw new LocalNodeException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new LocalNodeException("interrupted while Elasticsearch was starting", e);
        }
    }

    private void awaitHealth(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (isHealthy()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalNodeException("interrupted while waiting for Elasticsearch to become healthy", e);
            }
        }
        throw new LocalNodeException("Elasticsearch at " + settings.url() + " did not answer health checks within "
                + START_TIMEOUT.toSeconds() + " s. Last log lines:\n" + logTail(30));
    }

    private static String javaHome() {
        String explicit = System.getenv("ES_JAVA_HOME");
        return explicit != null && !explicit.isBlank() ? explicit : System.getProperty("java.home");
    }
}
