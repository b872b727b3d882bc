package io.logsearch.localnode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One single-node Elasticsearch running as a process of its own: started in the background
 * ({@code -d}), found again through the pid file in its node directory, so a later command can
 * ask for its status or stop it. Data stays in the node directory between runs.
 */
public final class LocalNode {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** A secured node's start also sets up TLS and the security index: on a busy machine that takes minutes. */
    static final Duration SECURED_START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final NodeSettings settings;
    private final NodeDirectory directory;
    private final Path distributions;
    private final Duration startTimeout;
    private final Optional<NodeSecurity> security;
    /**
     * The process {@link #start} launched. Elasticsearch deletes its pid file as soon as it begins to
     * shut down, so when a Ctrl-C reaches it and this JVM together, the file is gone before {@link #stop} runs.
     */
    private volatile Optional<ProcessHandle> launched = Optional.empty();

    public LocalNode(NodeSettings settings) {
        this(settings, Home.distributions(), START_TIMEOUT);
    }

    /** As {@link #LocalNode(NodeSettings)}, waiting up to {@code startTimeout} for the node to become healthy. */
    public LocalNode(NodeSettings settings, Duration startTimeout) {
        this(settings, Home.distributions(), startTimeout);
    }

    LocalNode(NodeSettings settings, Path distributions, Duration startTimeout) {
        this(settings, distributions, startTimeout, Optional.empty());
    }

    private LocalNode(NodeSettings settings, Path distributions, Duration startTimeout, Optional<NodeSecurity> security) {
        this.settings = settings;
        this.directory = settings.directory();
        this.distributions = distributions;
        this.startTimeout = startTimeout;
        this.security = security;
    }

    /**
     * A node with security on: HTTPS only, with certificates made by the distribution's
     * {@code elasticsearch-certutil} (see {@link #caCertificate()}), and the {@code elastic} user
     * with {@code elasticPassword}, both made on the node directory's first start.
     */
    public static LocalNode secured(NodeSettings settings, String elasticPassword) {
        return new LocalNode(settings, Home.distributions(), SECURED_START_TIMEOUT, Optional.of(new NodeSecurity(elasticPassword)));
    }

    /** The node's URL: {@code https://} for a {@linkplain #secured secured} node. */
    public String url() {
        return security.isPresent() ? settings.url().replaceFirst("^http:", "https:") : settings.url();
    }

    /** The PEM certificate of the CA that signed a secured node's HTTP certificate, once it was started. */
    public Optional<Path> caCertificate() {
        return security.map(s -> NodeSecurity.caCertificate(directory));
    }

    public NodeSettings settings() {
        return settings;
    }

    /**
     * Starts the node and returns once it answers health checks; when it already runs, only waits for
     * that. A node this call started but that does not become healthy is stopped again.
     *
     * @throws PortInUseException when the HTTP or transport port is taken, found before anything is fetched
     * @throws LocalNodeException when the node cannot be started, e.g. as root in a directory the node user cannot enter
     */
    public void start(Progress progress) {
        Optional<RunningNode> running = directory.running();
        if (running.isPresent()) {
            awaitRunning(running.get(), progress);
            return;
        }
        Instant deadline = launch(progress);
        stoppedOnFailure(() -> awaitHealth(deadline));
    }

    /**
     * Launches the node in the background and returns the deadline for it to become healthy, without
     * waiting for that: the first node of a cluster answers only once enough others have joined it.
     * A node that fails to launch is stopped again.
     */
    Instant launch(Progress progress) {
        checkPortFree(settings.httpPort(), "HTTP");
        checkPortFree(settings.transportPort(), "transport");
        try {
            Privileges.checkReachableByNodeUser(directory.root());
        } catch (IOException e) {
            throw new LocalNodeException("cannot check the node directory " + directory.root() + ": " + e.getMessage(), e);
        }
        Distribution distribution = Distribution.provide(distributions, Distribution.mavenExecutable(), progress);
        try {
            prepareNodeDir(distribution);
        } catch (IOException e) {
            throw new LocalNodeException("cannot prepare the node directory " + directory.root() + ": " + e.getMessage(), e);
        }
        progress.report("Starting Elasticsearch " + Distribution.VERSION + " at " + url()
                + " (data in " + directory.data() + ")...");
        Instant deadline = Instant.now().plus(startTimeout);
        stoppedOnFailure(() -> {
            launch(distribution, deadline);
            launched = directory.process();
        });
        return deadline;
    }

    private void stoppedOnFailure(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            try {
                stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /** Stops the node this directory's pid file names, or the one {@link #start} launched; returns false when neither runs. */
    public boolean stop() {
        Optional<ProcessHandle> process = directory.process().or(() -> launched.filter(ProcessHandle::isAlive));
        if (process.isPresent()) {
            stop(process.get());
        }
        try {
            directory.forgetRun();
        } catch (IOException e) {
            throw new LocalNodeException("cannot remove the pid and port files in " + directory.run() + ": " + e.getMessage(), e);
        }
        return process.isPresent();
    }

    /** The node started from this node directory, when it is alive. */
    public Optional<RunningNode> running() {
        return directory.running();
    }

    /** True when the node answers health checks and its data is usable (cluster status yellow or green). */
    public boolean isHealthy() {
        return health("?wait_for_status=yellow&timeout=1s").isPresent();
    }

    /** The cluster health status ({@code green}, {@code yellow}, {@code red}) when the node answers. */
    public Optional<String> healthStatus() {
        return health("");
    }

    /** The last lines of the node's own log, for error messages. */
    public String logTail(int lines) {
        Path serverLog = directory.logs().resolve("elasticsearch.log");
        return LogTail.of(Files.exists(serverLog) ? serverLog : directory.consoleLog(), lines);
    }

    private void awaitRunning(RunningNode node, Progress progress) {
        if (node.httpPort() != settings.httpPort()) {
            throw new LocalNodeException("Elasticsearch from " + directory.root() + " is already running at " + node.url()
                    + " (pid " + node.pid() + "), not on port " + settings.httpPort());
        }
        progress.report("Elasticsearch is already running at " + node.url() + " (pid " + node.pid() + ")");
        awaitHealth(Instant.now().plus(startTimeout));
    }

    private static void stop(ProcessHandle node) {
        node.destroy();
        try {
            node.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            node.destroyForcibly();
            node.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("interrupted while stopping Elasticsearch (pid " + node.pid() + ")", e);
        } catch (ExecutionException e) {
            throw new LocalNodeException("could not wait for Elasticsearch (pid " + node.pid() + ") to stop", e);
        }
    }

    /** The status of {@code _cluster/health?…query} when the node answers it with 200. */
    Optional<String> health(String query) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health" + query)).timeout(Duration.ofSeconds(3));
        HttpRequest request = security.map(s -> s.authenticate(builder)).orElse(builder).build();
        HttpClient client = security.map(s -> s.client(directory)).orElse(HTTP);
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Matcher status = STATUS.matcher(response.body());
            return Optional.of(status.find() ? status.group(1) : "unknown");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void prepareNodeDir(Distribution distribution) throws IOException {
        Files.createDirectories(directory.data());
        Files.createDirectories(directory.logs());
        Files.createDirectories(directory.run());
        if (!Files.isDirectory(directory.config())) {
            copyTree(distribution.defaultConfig(), directory.config());
        }
        if (security.isPresent()) {
            security.get().prepare(distribution, directory);
        }
        directory.recordPort(settings.httpPort());
        Privileges.giveToNodeUser(directory);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    static void checkPortFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(what, port);
        }
    }

    private void launch(Distribution distribution, Instant deadline) {
        List<String> command = new ArrayList<>(Privileges.dropPrefix());
        command.add(distribution.launcher().toString());
        command.addAll(List.of("-d", "-p", directory.pidFile().toString()));
        Map<String, String> esSettings = new TreeMap<>(Map.of(
                "discovery.type", "single-node",
                "network.host", "127.0.0.1",
                "http.port", Integer.toString(settings.httpPort()),
                "transport.port", Integer.toString(settings.transportPort()),
                "xpack.security.enabled", "false",
                "cluster.routing.allocation.disk.threshold_enabled", "false",
                "node.name", "logsearch-local",
                "path.data", directory.data().toString(),
                "path.logs", directory.logs().toString()));
        security.ifPresent(s -> esSettings.putAll(s.settings()));
        if (settings.extra().containsKey("discovery.seed_hosts")) {
            esSettings.remove("discovery.type");
        }
        esSettings.putAll(settings.extra());
        esSettings.forEach((key, value) -> command.add("-E" + key + "=" + value));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.consoleLog().toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", javaHome());
        env.put("ES_PATH_CONF", directory.config().toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap() + " " + directory.processMarker());
        try {
            Process launcher = builder.start();
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            if (!launcher.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                launcher.destroyForcibly();
                throw new LocalNodeException("Elasticsearch did not start within " + startTimeout.toSeconds() + " s. Last log lines:\n" + logTail(30));
            }
            if (launcher.exitValue() != 0) {
                throw new LocalNodeException("Elasticsearch failed to start (exit " + launcher.exitValue() + "). Last log lines:\n"
                        + LogTail.of(directory.consoleLog(), 30));
            }
        } catch (IOException e) {
            throw new LocalNodeException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        throw new LocalNodeException("Elasticsearch at " + url() + " did not answer health checks within "
                + startTimeout.toSeconds() + " s. Last log lines:\n" + logTail(30));
    }

    static String javaHome() {
        String explicit = System.getenv("ES_JAVA_HOME");
        return explicit != null && !explicit.isBlank() ? explicit : System.getProperty("java.home");
    }
}
