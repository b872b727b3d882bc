package io.logsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 90 days of daily partitions: how many partitions and shards a 1-hour window asks, and its latency
 * against the same search over every partition (the base's wildcards, as a search without a time range names them).
 */
final class PartitionScope {

    static final String BASE = "bench-ninety-days";
    private static final int DAYS = 90;
    private static final long EVENTS_PER_DAY = 1_000;
    private static final int WARMUPS = 200;
    private static final int PAIRS = 300;

    private PartitionScope() {
    }

    static void run(BenchContext bench, long seed) throws IOException, InterruptedException {
        Partitioning partitions = Partitioning.daily(BASE);
        load(bench, partitions, seed);
        Instant hour = GeneratorSpec.startOfDay(Clock.systemUTC()).minus(Duration.ofDays(DAYS / 2)).plus(Duration.ofHours(12));
        String path = "/v1/events?size=100&startDate=" + hour + "&endDate=" + hour.plus(1, ChronoUnit.HOURS);
        try (SearchComparison comparison = SearchComparison.open(bench, partitions)) {
            List<CapturingProxy.Captured> searches = comparison.capture(path);
            CapturingProxy.Captured search = searches.get(searches.size() - 1);
            HttpRequest named = search.to(bench.esUrl());
            HttpRequest wildcard = search.onIndices(bench.esUrl(), String.join(",", partitions.everyPartition()));
            JsonNode namedShards = bench.json(named).path("_shards");
            JsonNode wildcardShards = bench.json(wildcard).path("_shards");
            bench.progress().accept("Timing a 1-hour window over " + DAYS + " daily partitions against the same search on every partition...");
            SearchComparison.Timing onNamed = comparison.time(path, searches.stream().map(c -> c.to(bench.esUrl())).toList(), WARMUPS, PAIRS);
            SearchComparison.Timing onWildcard = comparison.time(path, List.of(wildcard), WARMUPS, PAIRS);

            String window = "1-hour window over " + DAYS + " daily partitions";
            bench.figures().add(Figure.atMost(window + ": partitions the API names", search.indices().size(), 2, "partitions"));
            bench.figures().add(Figure.info(window + ": shards asked, API / wildcard", Figure.format("%d (%d skipped) / %d (%d skipped)",
                    namedShards.path("total").asInt(), namedShards.path("skipped").asInt(),
                    wildcardShards.path("total").asInt(), wildcardShards.path("skipped").asInt())));
            bench.figures().add(Figure.info(window + ": p50 of the API / its raw search / the wildcard search",
                    Figure.format("%.2f ms / %.2f ms / %.2f ms", onNamed.api().p50Millis(), onNamed.raw().p50Millis(), onWildcard.raw().p50Millis())));
            bench.figures().add(Figure.info(window + ": wildcard search p50 / the API's raw search p50",
                    Figure.format("%.2f", onWildcard.raw().p50Millis() / onNamed.raw().p50Millis())));
        } finally {
            bench.deleteIndices(BASE + "-*");
        }
    }

    private static void load(BenchContext bench, Partitioning partitions, long seed) throws IOException {
        long events = EVENTS_PER_DAY * DAYS;
        bench.progress().accept("Loading " + events + " thousandeyes events over " + DAYS + " daily partitions into " + BASE + "...");
        Path export = bench.work().resolve("90-days.ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 256 * 1024)) {
            ExportGenerator.forSource("thousandeyes").write(GeneratorSpec.of(events, DAYS, seed), out);
        }
        EsEventStore store = EsEventStore.on(bench.client(), partitions, 0);
        try (DeadLetterFile rejected = new DeadLetterFile(bench.work().resolve("90-days-rejected.ndjson"))) {
            new Loader(store, BulkSettings.DEFAULTS).load(Sources.byId("thousandeyes"), SourceContext.EMPTY, List.of(ExportInput.file(export)),
                    rejected, new LoadCounters());
            if (rejected.count() > 0) {
                throw new IllegalStateException(rejected.count() + " generated events were rejected; see " + rejected.path());
            }
        }
        store.partitionAdmin().refresh();
        Files.delete(export);
    }
}
