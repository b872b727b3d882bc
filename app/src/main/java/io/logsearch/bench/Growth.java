package io.logsearch.bench;

import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One index base grown to 100,000, 300,000 and 1,000,000 events, 10,000 a day: each step adds the
 * days before the ones already stored (10, then 20, then 70 daily partitions), so the 1-hour window
 * queried, in the first days, always holds the same events while the base grows tenfold around it.
 * The ingest cost per event of each step and the window query's p50 after it should stay flat.
 */
final class Growth {

    static final String BASE = "bench-growth";
    static final List<Long> STEPS = List.of(100_000L, 300_000L, 1_000_000L);
    private static final long EVENTS_PER_DAY = 10_000;
    private static final int WARMUPS = 200;
    private static final int QUERIES = 300;
    private static final double FLAT = 1.15;

    private record Step(long events, double microsPerEvent, LatencyStats query) {
    }

    private Growth() {
    }

    static void run(BenchContext bench, long seed) throws IOException, InterruptedException {
        Partitioning partitions = Partitioning.daily(BASE);
        EsEventStore store = EsEventStore.on(bench.client(), partitions, 0);
        Instant today = GeneratorSpec.startOfDay(Clock.systemUTC());
        Instant hour = today.minus(Duration.ofDays(5)).plus(Duration.ofHours(12));
        List<Step> steps = new ArrayList<>();
        try (SearchComparison comparison = SearchComparison.open(bench, partitions)) {
            HttpRequest query = HttpRequest.newBuilder(URI.create(comparison.api() + "/v1/events?size=100&startDate=" + hour
                    + "&endDate=" + hour.plus(Duration.ofHours(1)))).build();
            long stored = 0;
            for (int i = 0; i < STEPS.size(); i++) {
                long added = STEPS.get(i) - stored;
                bench.progress().accept("Growing " + BASE + " to " + STEPS.get(i) + " events (+" + added + ")...");
                Instant until = today.minus(Duration.ofDays(stored / EVENTS_PER_DAY));
                double seconds = load(bench, store, new GeneratorSpec(added, (int) (added / EVENTS_PER_DAY), seed + i, until));
                stored = STEPS.get(i);
                store.partitionAdmin().refresh();
                for (int w = 0; w < WARMUPS; w++) {
                    bench.time(query);
                }
                long[] nanos = new long[QUERIES];
                for (int q = 0; q < QUERIES; q++) {
                    nanos[q] = bench.time(query);
                }
                steps.add(new Step(stored, seconds * 1e6 / added, LatencyStats.of(nanos)));
            }
        } finally {
            bench.deleteIndices(BASE + "-*");
        }
        for (Step step : steps) {
            bench.figures().add(Figure.info(Figure.format("growth, at %,d events: load cost per event / 1-hour query p50", step.events()),
                    Figure.format("%.1f µs / %.2f ms", step.microsPerEvent(), step.query().p50Millis())));
        }
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        bench.figures().add(Figure.ratio(Figure.format("growth: load cost per event at %,d / at %,d events", last.events(), first.events()),
                "ratio", last.microsPerEvent() / first.microsPerEvent(), FLAT, false));
        bench.figures().add(Figure.ratio(Figure.format("growth: 1-hour query p50 at %,d / at %,d events", last.events(), first.events()),
                "ratio", last.query().p50Millis() / first.query().p50Millis(), FLAT, false));
    }

    /** Loads the events {@code spec} generates and returns the seconds it took. */
    private static double load(BenchContext bench, EsEventStore store, GeneratorSpec spec) throws IOException {
        long events = spec.events();
        Path export = bench.work().resolve("growth.ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 256 * 1024)) {
            ExportGenerator.forSource("thousandeyes").write(spec, out);
        }
        try (DeadLetterFile rejected = new DeadLetterFile(bench.work().resolve("growth-rejected.ndjson"))) {
            long start = System.nanoTime();
            LoadSummary summary = new Loader(store, BulkSettings.DEFAULTS).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                    List.of(ExportInput.file(export)), rejected, new LoadCounters());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (summary.indexed() != events) {
                throw new IllegalStateException("growing " + BASE + " indexed " + summary.indexed() + " of " + events + " events: " + summary.line());
            }
            return seconds;
        } finally {
            Files.delete(export);
        }
    }
}
