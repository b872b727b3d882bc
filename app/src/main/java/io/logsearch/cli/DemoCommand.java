package io.logsearch.cli;

import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.localnode.Home;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
        "Run everything on this machine: Elasticsearch, sample data, API and web page.",
        "Starts the local Elasticsearch (unless ES_URL is set), installs the template, loads sample exports of",
        "every source (once: later runs load the same events, which adds nothing), and serves the API and web",
        "page on 127.0.0.1. Ctrl-C stops everything it started."})
final class DemoCommand implements Callable<Integer> {

    static final int SAMPLE_EVENTS = 2_000;
    static final int SAMPLE_DAYS = 14;
    static final long SAMPLE_SEED = 2026;

    @Mixin
    IndexOptions index;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", converter = OptionConverters.ListenPort.class,
            description = "HTTP port of the API (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--es-port", paramLabel = "PORT", converter = OptionConverters.NodePort.class,
            description = "HTTP port of the local Elasticsearch node (default: the port it already runs on, else 9200); ignored when ES_URL is set.")
    Optional<Integer> esPort;

    @Override
    public Integer call() throws IOException, InterruptedException {
        requireApiPortFree();
        ShutdownSteps shutdown = ShutdownSteps.install();
        Elasticsearch es = EsSettings.explicitlyConfigured() ? clusterOfEsUrl() : localNode(shutdown);
        shutdown.add("close the Elasticsearch client", es::close);

        EventStore events = index.on(es.client());
        events.installTemplate();
        loadSamples(events, SampleAnchors.inHome().anchorFor(es.url(), index.base, Instant.now()));
        Javalin server = ApiServer.start("127.0.0.1", port, cfg -> cfg.store = events);
        shutdown.add("stop the API server", server::stop);
        shutdown.add("say so", () -> System.out.println("Stopping..."));
        printWelcome("http://127.0.0.1:" + server.port(), index.base);
        shutdown.await();
        return ExitCodes.OK;
    }

    /** Checked before anything starts, so that a taken port costs no node start and no sample load. */
    private void requireApiPortFree() {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("API port " + port + " on 127.0.0.1 is already in use; "
                    + "stop what listens there or choose another port with --port", e);
        }
    }

    private static Elasticsearch clusterOfEsUrl() {
        Elasticsearch es = Elasticsearch.fromEnvironment();
        System.out.println("Using Elasticsearch at " + es.url() + " (ES_URL).");
        return es;
    }

    /** The local node, started unless it already runs; one this command starts, it stops again at the end. */
    private Elasticsearch localNode(ShutdownSteps shutdown) {
        LocalNodeChoice choice = new LocalNodeChoice(Home.defaultNodeDir(), esPort, "--es-port");
        LocalNode node = choice.node(NodeSettings.DEFAULT_HEAP);
        AtomicBoolean started = new AtomicBoolean();
        if (choice.running().isEmpty()) {
            // Ctrl-C reaches a started node too, which may have stopped by itself while the server was stopping
            shutdown.add("stop Elasticsearch", () -> {
                if (node.stop() || started.get()) {
                    System.out.println("Elasticsearch stopped.");
                }
            });
        }
        choice.start(node, System.out::println);
        started.set(true);
        return Elasticsearch.at(node.settings().url());
    }

    private static void loadSamples(EventStore events, Instant until) throws IOException {
        GeneratorSpec spec = new GeneratorSpec(SAMPLE_EVENTS, SAMPLE_DAYS, SAMPLE_SEED, until);
        System.out.println("Sample events span " + spec.start() + " to " + spec.until() + " (fixed at their first load).");
        Path dir = Files.createTempDirectory("logsearch-demo-");
        try {
            for (String source : ExportGenerator.SOURCE_IDS) {
                Path export = dir.resolve(source + ".ndjson");
                try (OutputStream out = Files.newOutputStream(export)) {
                    ExportGenerator.forSource(source).write(spec, out);
                }
                Path rejected = dir.resolve(source + "-rejected.ndjson");
                try (DeadLetterFile deadLetter = new DeadLetterFile(rejected)) {
                    LoadSummary summary = new Loader(events, BulkSettings.DEFAULTS).load(Sources.byId(source), SourceContext.EMPTY,
                            List.of(ExportInput.file(export)), deadLetter, new LoadCounters());
                    System.out.printf("Sample %-12s %s%n", source, summary.line());
                }
            }
            events.partitionAdmin().refresh();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void printWelcome(String url, String base) {
        System.out.println();
        System.out.println("logsearch is ready: " + url + "/ (open it in a browser: the web page)");
        System.out.println("Try:");
        for (String example : examples(url)) {
            System.out.println("  " + example);
        }
        System.out.println("Kibana dashboards (with Kibana 8.19 running, e.g. from docker-compose.yml):");
        System.out.println("  ./logsearch dashboards import --kibana http://127.0.0.1:5601 --index " + base);
        System.out.println("Press Ctrl-C to stop.");
    }

    /**
     * One request per endpoint and facade, with ids that the samples of {@link #SAMPLE_SEED} hold
     * (the generator's ids depend on the seed only, not on the day).
     */
    static List<String> examples(String url) {
        return List.of(
                "curl '" + url + "/v1/events?size=5'",
                "curl '" + url + "/v1/events?category=authentication&type=start&success=false&window=7d'",
                "curl '" + url + "/v1/events/top?field=eventType'",
                "curl '" + url + "/v1/events/histogram?window=24h&interval=1h'",
                "curl '" + url + "/compat/thousandeyes/v7/audit-user-events?window=1d'",
                "curl -H 'program-id: compliance-training-pilot' '" + url
                        + "/compat/actionhub/users/425f3167-dc6d-4f59-8254-08faa7e4d457/events'",
                "curl '" + url + "/compat/onehub/activity/?workspaces[]=37589&verbs=read,download'",
                "curl '" + url + "/compat/onehub/files/5867411/audit_trail'",
                "curl -H 'Content-Type: application/json' -d '{\"eventType\":\"login\",\"success\":false}' '" + url
                        + "/compat/authing/api/v3/get-user-action-logs'",
                "curl '" + url + "/health'");
    }
}
