package io.logsearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.load.NdjsonEventWriter;
import io.logsearch.indexer.load.Pipeline;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.localnode.Distribution;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One benchmark run on a node of its own: normalisation in-process, ingest against raw
 * {@code _bulk}, and {@code GET /v1/events} against the raw {@code _search} it issues.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAYS = 30;
    private static final long SEED = 14;
    private static final int BULK_DOCUMENTS = 10_000;
    private static final int BULK_IN_FLIGHT = 2;
    private static final int NORMALIZE_WARMUPS = 2;
    private static final int NORMALIZE_RUNS = 3;
    private static final int API_WARMUPS = 1_000;
    private static final int API_PAIRS = 500;
    private static final String RAW_BASE = "bench-raw";
    private static final String LOAD_BASE = "bench-load";
    private static final String WARMUP_BASE = "bench-warmup";
    private static final int DEEP_PAGES = 1_000;
    /** Longer than the 90 s the commands wait: a benchmark runs on a busy machine too, where the node starts slowly. */
    private static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(5);
    private static final String MEMORY_BASE = "bench-memory";
    private static final String LOAD_HEAP = "256m";

    private final long events;
    private final String heap;
    private final long largeExportBytes;
    private final String command;
    private final Consumer<String> progress;
    // HTTP/1.1, as curl speaks to Elasticsearch, without the h2c upgrade the client would otherwise offer on every request.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Figure> figures = new ArrayList<>();

    /**
     * @param largeExportBytes the size of the export loaded under a 256 MB heap; 0 leaves that part out
     */
    public Benchmark(long events, String heap, long largeExportBytes, String command, Consumer<String> progress) {
        NodeSettings.checkHeap(heap);
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1, not " + events);
        }
        this.events = events;
        this.heap = heap;
        if (largeExportBytes < 0) {
            throw new IllegalArgumentException("--large-export must be 0 or more bytes, not " + largeExportBytes);
        }
        this.largeExportBytes = largeExportBytes;
        this.command = command;
        this.progress = progress;
    }

    public BenchReport run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("logsearch-bench-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            return runIn(work);
        } finally {
            deleteTree(work);
        }
    }

    private BenchReport runIn(Path work) throws IOException, InterruptedException {
        Map<String, Path> exports = generate(work);
        normalize(exports);
        normalizeCli(exports, work);
        LocalNode node = new LocalNode(NodeSettings.of(FreePorts.nodeHttpPort(), work.resolve("node")).withHeap(heap), NODE_START_TIMEOUT);
        progress.accept("Starting a local node (heap " + heap + ") on " + node.settings().url() + "...");
        try {
            node.start(progress::accept);
            String esUrl = node.settings().url();
            ElasticsearchClient client = EsClients.create(EsSettings.of(esUrl));
            try {
                Map<String, String> environment = environment(esUrl);
                BenchContext bench = new BenchContext(http, esUrl, client, work, progress, figures);
                EsEventStore loaded = ingest(bench, exports);
                search(bench, loaded.partitions());
                ExportComparison.run(bench, LOAD_BASE, events * exports.size());
                PartitionScope.run(bench, SEED + 90);
                Growth.run(bench, SEED + 100);
                if (largeExportBytes > 0) {
                    LargeExportLoad.run(bench, largeExportBytes, (double) Files.size(exports.get("thousandeyes")) / events, SEED + 200);
                }
                return new BenchReport(environment, command, notes(), figures);
            } finally {
                client._transport().close();
            }
        } finally {
            node.stop();
        }
    }

    private Map<String, Path> generate(Path work) throws IOException {
        Map<String, Path> exports = new LinkedHashMap<>();
        for (String source : ExportGenerator.SOURCE_IDS) {
            progress.accept("Generating " + events + " " + source + " events...");
            Path export = work.resolve(source + ".ndjson");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 256 * 1024)) {
                ExportGenerator.forSource(source).write(GeneratorSpec.of(events, DAYS, SEED), out);
            }
            exports.put(source, export);
        }
        return exports;
    }

    /** Steady state: the median of a few passes after warm-up passes, writing the bulk NDJSON to nowhere. */
    private void normalize(Map<String, Path> exports) throws IOException {
        for (Map.Entry<String, Path> export : exports.entrySet()) {
            progress.accept("Timing normalize of " + export.getKey() + "...");
            double[] rates = new double[NORMALIZE_RUNS];
            for (int pass = 0; pass < NORMALIZE_WARMUPS + NORMALIZE_RUNS; pass++) {
                long start = System.nanoTime();
                long read = normalizeInto(export.getKey(), export.getValue(), Partitioning.daily(RAW_BASE), OutputStream.nullOutputStream(),
                        export.getValue().resolveSibling(export.getKey() + "-normalize-rejected.ndjson"));
                double seconds = (System.nanoTime() - start) / 1e9;
                if (pass >= NORMALIZE_WARMUPS) {
                    rates[pass - NORMALIZE_WARMUPS] = read / seconds;
                }
            }
            Arrays.sort(rates);
            figures.add(Figure.rate("normalize " + export.getKey() + ", in-process steady state", rates[rates.length / 2], 250_000));
        }
    }

    /** As a user runs it: one JVM per source, its start included, the bulk NDJSON discarded. */
    private void normalizeCli(Map<String, Path> exports, Path work) throws IOException, InterruptedException {
        for (Map.Entry<String, Path> export : exports.entrySet()) {
            progress.accept("Timing the normalize command on " + export.getKey() + "...");
            CliRun.Result run = CliRun.run(work, List.of(), Map.of(), "normalize", "--source", export.getKey(), export.getValue().toString());
            figures.add(Figure.rate("normalize " + export.getKey() + ", CLI with JVM start", events / run.seconds(), 150_000));
        }
    }

    private long normalizeInto(String source, Path export, Partitioning partitions, OutputStream out, Path rejected) throws IOException {
        LoadCounters counters = new LoadCounters();
        try (DeadLetterFile deadLetter = new DeadLetterFile(rejected);
             NdjsonEventWriter writer = new NdjsonEventWriter(partitions, out, counters)) {
            new Pipeline(Sources.byId(source), SourceContext.EMPTY, writer, deadLetter, counters).read(ExportInput.file(export));
        }
        if (counters.rejected() > 0) {
            throw new IllegalStateException(counters.rejected() + " generated " + source + " records were rejected; see " + rejected);
        }
        return counters.read();
    }

    private List<Path> bulkFiles(Map<String, Path> exports, String base, Path work) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Path> export : exports.entrySet()) {
            Path bulk = work.resolve(base + "-" + export.getKey() + ".bulk.ndjson");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bulk), 256 * 1024)) {
                normalizeInto(export.getKey(), export.getValue(), Partitioning.daily(base), out, work.resolve(base + "-rejected.ndjson"));
            }
            files.add(bulk);
        }
        return files;
    }

    private EsEventStore ingest(BenchContext bench, Map<String, Path> exports) throws IOException, InterruptedException {
        ElasticsearchClient client = bench.client();
        String esUrl = bench.esUrl();
        Path work = bench.work();
        RawBulk raw = new RawBulk(http, esUrl, BULK_DOCUMENTS, BULK_IN_FLIGHT);
        EsEventStore rawStore = EsEventStore.on(client, Partitioning.daily(RAW_BASE), 0);
        EsEventStore loadStore = EsEventStore.on(client, Partitioning.daily(LOAD_BASE), 0);
        EsEventStore warmupLoadStore = EsEventStore.on(client, Partitioning.daily(WARMUP_BASE + "-load"), 0);
        EsEventStore warmupRawStore = EsEventStore.on(client, Partitioning.daily(WARMUP_BASE + "-raw"), 0);
        for (EsEventStore store : List.of(rawStore, loadStore, warmupRawStore, warmupLoadStore)) {
            store.installTemplate();
        }
        List<Path> rawFiles = bulkFiles(exports, RAW_BASE, work);

        progress.accept("Warming the node up: raw _bulk and load into " + WARMUP_BASE + "...");
        raw.post(bulkFiles(exports, WARMUP_BASE + "-raw", work));
        loadAll(new Loader(warmupLoadStore, BulkSettings.DEFAULTS), exports, work);
        bench.deleteIndices(WARMUP_BASE + "-*");

        progress.accept("Timing raw _bulk into " + RAW_BASE + "...");
        long start = System.nanoTime();
        long rawDocuments = raw.post(rawFiles);
        double rawRate = rawDocuments / ((System.nanoTime() - start) / 1e9);

        progress.accept("Timing load into " + LOAD_BASE + "...");
        start = System.nanoTime();
        long loadedEvents = loadAll(new Loader(loadStore, BulkSettings.DEFAULTS), exports, work);
        double loadRate = loadedEvents / ((System.nanoTime() - start) / 1e9);

        figures.add(Figure.info("ingest, raw _bulk (" + rawDocuments + " documents)", Figure.format("%,.0f events/s", rawRate)));
        figures.add(Figure.info("ingest, load (" + loadedEvents + " events)", Figure.format("%,.0f events/s", loadRate)));
        figures.add(Figure.ratio("ingest, load / raw _bulk", "events/s ratio", loadRate / rawRate, 0.95, true));
        loadMemory(bench, exports);
        loadStore.partitionAdmin().refresh();
        return loadStore;
    }

    /** The load command in a JVM of its own with a 256 MB heap: how much memory it takes at its peak. */
    private void loadMemory(BenchContext bench, Map<String, Path> exports) throws IOException, InterruptedException {
        String esUrl = bench.esUrl();
        Path work = bench.work();
        String source = "thousandeyes";
        progress.accept("Measuring the memory of the load command (" + source + ", " + LOAD_HEAP + ")...");
        CliRun.Result run = CliRun.run(work, List.of("-Xmx" + LOAD_HEAP), Map.of("ES_URL", esUrl),
                "load", "--source", source, "--index", MEMORY_BASE, "--dead-letter", work.resolve("memory-rejected.ndjson").toString(),
                exports.get(source).toString());
        figures.add(Figure.info("load of " + events + " " + source + " events, own JVM, -Xmx" + LOAD_HEAP + ": peak RSS (VmHWM)",
                run.peakRssBytes().stream().mapToObj(b -> Figure.format("%,d MB", b / (1024 * 1024))).findFirst().orElse("not measured (no /proc)")));
        figures.add(Figure.info("load of " + events + " " + source + " events, own JVM, -Xmx" + LOAD_HEAP + ": peak heap before a collection",
                run.peakHeapBytes().stream().mapToObj(b -> Figure.format("%,d MB", b / (1024 * 1024))).findFirst().orElse("no collection")));
        bench.deleteIndices(MEMORY_BASE + "-*");
    }

    private long loadAll(Loader loader, Map<String, Path> exports, Path work) throws IOException {
        long indexed = 0;
        for (Map.Entry<String, Path> export : exports.entrySet()) {
            Path rejected = work.resolve("load-" + export.getKey() + "-rejected.ndjson");
            try (DeadLetterFile deadLetter = new DeadLetterFile(rejected)) {
                LoadSummary summary = loader.load(Sources.byId(export.getKey()), SourceContext.EMPTY,
                        List.of(ExportInput.file(export.getValue())), deadLetter, new LoadCounters());
                if (summary.rejected() > 0 || summary.indexed() != summary.read()) {
                    throw new IllegalStateException("load of generated " + export.getKey() + " events did not index every one: " + summary.line());
                }
                indexed += summary.indexed();
            }
        }
        return indexed;
    }

    /** GET /v1/events, its histogram and top values, each against the raw searches it sends; then deep paging. */
    private void search(BenchContext bench, Partitioning partitions) throws IOException, InterruptedException {
        try (SearchComparison comparison = SearchComparison.open(bench, partitions)) {
            String eventType = bench.get(comparison.api() + "/v1/events/top?field=eventType&size=1").path("buckets").path(0).path("value").asText();
            comparison.compare("/v1/events?size=100&eventType=" + URLEncoder.encode(eventType, StandardCharsets.UTF_8), 1.10, OptionalDouble.of(1.20),
                    API_WARMUPS, API_PAIRS);
            comparison.compare("/v1/events/histogram?window=" + DAYS + "d&interval=1d", 1.10, OptionalDouble.empty(), API_WARMUPS, API_PAIRS);
            comparison.compare("/v1/events/top?field=userId&size=10", 1.10, OptionalDouble.empty(), API_WARMUPS, API_PAIRS);
            deepPaging(bench, comparison.api());
        }
    }

    /**
     * Every event in pages of 100, each next page through the cursor the previous one links to, up to
     * 1,000 pages: the last 20 pages reached against pages 2 to 21 (page 1 is the one without a cursor).
     */
    private void deepPaging(BenchContext bench, String api) throws IOException, InterruptedException {
        progress.accept("Walking up to " + DEEP_PAGES + " pages of 100 through their cursors...");
        List<Long> nanos = new ArrayList<>();
        String next = api + "/v1/events?size=100";
        while (next != null && nanos.size() < DEEP_PAGES) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(next)).build();
            long start = System.nanoTime();
            JsonNode page = bench.json(request);
            nanos.add(System.nanoTime() - start);
            JsonNode href = page.path("_links").path("next").path("href");
            next = href.isTextual() ? href.asText() : null;
        }
        int pages = nanos.size();
        if (pages < 41) {
            figures.add(Figure.info("deep paging", pages + " pages only: too few events to compare the last 20 with pages 2–21"));
            return;
        }
        LatencyStats first = LatencyStats.of(nanos.subList(1, 21).stream().mapToLong(Long::longValue).toArray());
        LatencyStats last = LatencyStats.of(nanos.subList(pages - 20, pages).stream().mapToLong(Long::longValue).toArray());
        figures.add(Figure.info("GET /v1/events?size=100 pages 2–21 / pages " + (pages - 19) + "–" + pages + " of " + pages,
                Figure.format("p50 %.2f ms / %.2f ms", first.p50Millis(), last.p50Millis())));
        figures.add(Figure.ratio("deep paging: last 20 of " + pages + " pages / pages 2–21", "p50 ratio",
                last.p50Millis() / first.p50Millis(), 1.5, false));
    }

    /** Asked of {@code _cat/nodes}: the integration-test distribution answers {@code GET /} with a 405. */
    private String nodeVersion(String esUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_cat/nodes?h=version")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(esUrl + "/_cat/nodes answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body().strip();
    }

    private Map<String, String> environment(String esUrl) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        environment.put("memory", memTotal());
        environment.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        environment.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        environment.put("Elasticsearch", nodeVersion(esUrl) + " (local node "
                + Distribution.VERSION + ", heap " + heap + ", single node, 0 replicas)");
        environment.put("events", events + " generated per source (" + String.join(", ", ExportGenerator.SOURCE_IDS)
                + ") over " + DAYS + " days, seed " + SEED);
        return environment;
    }

    private static List<String> notes() {
        return List.of(
                "normalize: per source, the in-process pipeline writing bulk NDJSON to a discarding stream; median of "
                        + NORMALIZE_RUNS + " passes after " + NORMALIZE_WARMUPS + " warm-up passes.",
                "ingest: raw = the normalize output of every source posted to `_bulk` by Java's HttpClient (not curl), "
                        + BULK_DOCUMENTS + " documents per request, " + BULK_IN_FLIGHT + " in flight, into base `" + RAW_BASE
                        + "`; then `load` (the Loader, in-process, default bulk settings) of the same exports into base `"
                        + LOAD_BASE + "`. Both after a warm-up of both paths into two other bases, deleted before timing; raw runs first.",
                "normalize CLI: `logsearch normalize --source S FILE` in a JVM of its own per source, stdout discarded; wall time from "
                        + "the process's start to its exit.",
                "memory: `logsearch load` of the thousandeyes export in a JVM of its own with -Xmx" + LOAD_HEAP + ", into base `"
                        + MEMORY_BASE + "` on the same node; peak RSS is VmHWM polled from /proc every 50 ms, peak heap the largest "
                        + "heap before a collection in its GC log (-Xlog:gc).",
                "search: each API request is sent once to a second in-process server whose client goes through a capturing "
                        + "loopback proxy, which keeps the `_search` requests it sends; then " + API_WARMUPS + " warm-up pairs and "
                        + API_PAIRS + " interleaved pairs of the API request (served in-process by ApiServer, straight on the node) and "
                        + "those raw searches (same indices, parameters and body) sent one after the other, over keep-alive connections "
                        + "of one Java HttpClient. /v1/events filters by the most frequent event type; the histogram covers the "
                        + DAYS + " days by day; top is the 10 most frequent user ids.",
                "deep paging: `GET /v1/events?size=100` (no filter), each next page through the `_links.next` cursor of the one "
                        + "before, up to " + DEEP_PAGES + " pages; p50 of the last 20 pages reached against p50 of pages 2–21.",
                "export: `logsearch serve` in a JVM of its own with -Xmx256m streams `GET /v1/events/export?format=ndjson` of "
                        + "every event of `" + LOAD_BASE + "` (lines counted by the client); the raw walk opens a point-in-time on "
                        + "the partitions of `" + LOAD_BASE + "` and pages it with `search_after`, 10,000 hits per page in `_shard_doc` order, "
                        + "`event.original` excluded as the export excludes it, each `_source` serialised as a line to nowhere. "
                        + "Peak RSS is serve's VmHWM after the export.",
                "partitions: " + 90_000 + " thousandeyes events over 90 days of daily partitions (`" + PartitionScope.BASE + "`); a "
                        + "1-hour window 45 days back: the partitions its captured `_search` names, `_shards` of that search and of "
                        + "the same body on every partition of the base (the wildcards a search without a time range names), and p50 "
                        + "over 300 interleaved runs of each.",
                "growth: one base (`" + Growth.BASE + "`, daily) grown by in-process loads to 100,000, 300,000 and "
                        + "1,000,000 thousandeyes events, 10,000 a day, each step adding the days before those stored (10, 20, 70), "
                        + "so the 1-hour window queried (5 days back) holds the same events at every step; per step the load's "
                        + "wall time per event added, then after a refresh the p50 of 300 `GET /v1/events?size=100` over that "
                        + "window (after 200 warm-ups).",
                "large export: one thousandeyes export of the size asked (`--large-export`), generated, then loaded by "
                        + "`logsearch load` in a JVM of its own with -Xmx256m into `" + LargeExportLoad.BASE + "`; peak RSS is "
                        + "VmHWM polled every 50 ms, peak heap from its GC log.",
                "p50 and p99 are nearest-rank percentiles.");
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(System.getProperty("os.arch"));
        }
    }

    private static String memTotal() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(meminfo)) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").orElse("unknown");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
