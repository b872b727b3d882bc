package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes pushing back: one whose write queue holds one task answers concurrent bulk requests
 * with 429, one is stopped mid-load and started again, and none answers at all. The loader must
 * wait out the first two and lose nothing, and give up on the last within its budget, saying why.
 * Scripted failures of every kind are in {@link FlakyClusterIT}.
 */
class BackPressureIT {

    /** Few partitions, so that the restarted node has little to recover before it takes writes again. */
    private static final int OUTAGE_DAYS = 3;
    private static final BulkSettings AGGRESSIVE = new BulkSettings(4, 32 * 1024, Duration.ofMillis(100), Duration.ofMinutes(2));

    @TempDir
    Path dir;

    @Test
    void http429IsRetriedUntilEveryRecordIsIndexed() throws Exception {
        try (EphemeralNode node = EphemeralNode.start(Map.of("thread_pool.write.size", "1", "thread_pool.write.queue_size", "1"))) {
            ElasticsearchClient client = EsClients.create(EsSettings.of(node.url()));
            EsEventStore index = EsEventStore.on(client, Partitioning.daily("pressure"), 0);
            List<Path> exports = List.of(
                    Exports.generate(dir, "thousandeyes", 3000, 1),
                    Exports.generate(dir, "thousandeyes", 3000, 2),
                    Exports.generate(dir, "thousandeyes", 3000, 3));
            index.ensureTemplate();

            List<LoadCounters> counters = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(exports.size());
            List<Future<LoadSummary>> loads = new ArrayList<>();
            for (Path export : exports) {
                LoadCounters c = new LoadCounters();
                counters.add(c);
                loads.add(pool.submit(() -> new Loader(index, AGGRESSIVE).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                        List.of(ExportInput.file(export)), r -> { throw new AssertionError("rejected: " + r); }, c)));
            }
            long indexed = 0;
            for (Future<LoadSummary> load : loads) {
                indexed += load.get().indexed();
            }
            pool.shutdown();

            assertEquals(9_000, indexed);
            client.indices().refresh(r -> r.index("pressure-*"));
            assertEquals(9_000, client.count(c -> c.index("pressure-*")).count());
            assertTrue(counters.stream().mapToLong(LoadCounters::retries).sum() > 0, "the node should have pushed back at least once");
            client._transport().close();
        }
    }

    @Test
    void aNodeThatGoesAwayMidLoadAndComesBackLosesNothing() throws Exception {
        try (EphemeralNode node = EphemeralNode.start()) {
            ElasticsearchClient client = EsClients.create(EsSettings.of(node.url()));
            EsEventStore index = EsEventStore.on(client, Partitioning.daily("outage"), 0);
            Path export = Exports.generate(dir, "thousandeyes", 40_000, OUTAGE_DAYS, 9);
            LoadCounters counters = new LoadCounters();
            ExecutorService loader = Executors.newSingleThreadExecutor();
            Future<LoadSummary> load = loader.submit(() -> new Loader(index, BulkSettings.DEFAULTS).load(Sources.byId("thousandeyes"),
                    SourceContext.EMPTY, List.of(ExportInput.file(export)), r -> { throw new AssertionError("rejected: " + r); }, counters));
            while (counters.indexed() < 5_000) {
                assertTrue(!load.isDone(), "the load finished before the outage");
                Thread.sleep(20);
            }
            node.node().stop();
            Thread.sleep(3_000);
            node.node().start(message -> { });
            LoadSummary summary = load.get();
            loader.shutdown();

            assertEquals(40_000, summary.read());
            assertEquals(40_000, summary.indexed() + summary.duplicates(), summary.line());
            assertTrue(counters.retries() > 0, "requests were retried across the outage");
            client.indices().refresh(r -> r.index("outage-*"));
            assertEquals(40_000, client.count(c -> c.index("outage-*")).count());
            client._transport().close();
        }
    }

    @Test
    void anUnreachableClusterIsRetriedForTheBudgetThenFailsNamingItAndTheCause() throws Exception {
        String nowhere = "http://127.0.0.1:" + Ports.free();
        ElasticsearchClient client = EsClients.create(EsSettings.of(nowhere));
        EsEventStore index = EsEventStore.on(client, Partitioning.daily("nowhere"), 0);
        Path export = Exports.generate(dir, "thousandeyes", 10, 1);
        Duration budget = Duration.ofSeconds(2);
        long start = System.nanoTime();
        LoadFailedException failure = assertThrows(LoadFailedException.class, () -> new Loader(index, BulkSettings.DEFAULTS.withMaxRetryWait(budget))
                .load(Sources.byId("thousandeyes"), SourceContext.EMPTY, List.of(ExportInput.file(export)), r -> { }, new LoadCounters()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(failure.getMessage().matches("Elasticsearch at " + nowhere + " could not be used for \\d+ s \\(the index template was tried \\d+ times\\).*"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("ConnectException: Connection refused"), failure.getMessage());
        StorageException cause = assertInstanceOf(StorageException.class, failure.getCause());
        assertEquals(FailureKind.UNAVAILABLE, cause.kind());
        assertTrue(cause.getCause() instanceof java.net.ConnectException, String.valueOf(cause.getCause()));
        assertTrue(took.compareTo(budget) >= 0, "tried for " + took + " only");
        assertTrue(took.compareTo(budget.plusSeconds(5)) < 0, "tried for " + took);
        client._transport().close();
    }
}
