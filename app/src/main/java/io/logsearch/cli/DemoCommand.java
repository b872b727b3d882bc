package io.logsearch.cli;

import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.indexer.generate.ExportGenerator;
import io.logsearch.indexer.generate.GeneratorSpec;
import io.logsearch.indexer.load.BulkSettings;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
        "Run everything on this machine: Elasticsearch, sample data, API and web page.",
        "Starts the local Elasticsearch (unless ES_URL is set), installs the template, loads sample exports of",
        "every source (reloading indexes nothing twice), and serves the API and web page on 127.0.0.1.",
        "Ctrl-C stops everything it started."})
final class DemoCommand implements Callable<Integer> {

    static final int SAMPLE_EVENTS = 2_000;
    static final int SAMPLE_DAYS = 14;
    static final long SAMPLE_SEED = 2026;

    @Mixin
    IndexOptions index;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "HTTP port of the API (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--es-port", paramLabel = "PORT", defaultValue = "9200",
            description = "HTTP port of the local Elasticsearch node (default ${DEFAULT-VALUE}); ignored when ES_URL is set.")
    int esPort;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<LocalNode> startedNode = Optional.empty();
        Elasticsearch es;
        if (EsSettings.explicitlyConfigured()) {
            es = Elasticsearch.fromEnvironment();
            System.out.println("Using Elasticsearch at " + es.url() + " (ES_URL).");
        } else {
            LocalNode node = new LocalNode(NodeSettings.of(esPort, Home.defaultNodeDir()));
            boolean wasRunning = node.pid().isPresent();
            node.start(System.out::println);
            if (!wasRunning) {
                startedNode = Optional.of(node);
            }
            es = Elasticsearch.at(node.settings().url());
        }
        Optional<LocalNode> nodeToStop = startedNode;
        CountDownLatch stopped = new CountDownLatch(1);
        Javalin[] server = new Javalin[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            if (server[0] != null) {
                server[0].stop();
            }
            es.close();
            nodeToStop.ifPresent(node -> {
                node.stop();
                System.out.println("Elasticsearch stopped.");
            });
            stopped.countDown();
        }, "shutdown"));

        EventIndex events = index.on(es.client());
        events.installTemplate();
        loadSamples(events);
        server[0] = ApiServer.start("127.0.0.1", port, cfg -> cfg.index = events);
        printWelcome("http://127.0.0.1:" + server[0].port());
        stopped.await();
        return ExitCodes.OK;
    }

    private static void loadSamples(EventIndex events) throws IOException {
        Path dir = Files.createTempDirectory("logsearch-demo-");
        try {
            for (String source : ExportGenerator.SOURCE_IDS) {
                Path export = dir.resolve(source + ".ndjson");
                try (OutputStream out = Files.newOutputStream(export)) {
                    ExportGenerator.forSource(source).write(GeneratorSpec.of(SAMPLE_EVENTS, SAMPLE_DAYS, SAMPLE_SEED), out);
                }
                Path rejected = dir.resolve(source + "-rejected.ndjson");
                try (DeadLetterFile deadLetter = new DeadLetterFile(rejected)) {
                    LoadSummary summary = new Loader(events, BulkSettings.DEFAULTS).load(Sources.byId(source), SourceContext.EMPTY,
                            java.util.List.of(ExportInput.file(export)), deadLetter, new LoadCounters());
                    System.out.printf("Sample %-12s %s%n", source, summary.line());
                }
            }
            events.client().indices().refresh(r -> r.index(events.partitions().allPartitions()));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void printWelcome(String url) {
        System.out.println();
        System.out.println("logsearch is ready: " + url + "/");
        System.out.println("Try:");
        System.out.println("  curl '" + url + "/v1/events?size=5'");
        System.out.println("  curl '" + url + "/health'");
        System.out.println("Press Ctrl-C to stop.");
    }
}
