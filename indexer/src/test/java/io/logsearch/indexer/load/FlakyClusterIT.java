package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.indexer.load.ScriptedProxy.Answer;
import io.logsearch.indexer.load.ScriptedProxy.Drop;
import io.logsearch.indexer.load.ScriptedProxy.FailItems;
import io.logsearch.indexer.load.ScriptedProxy.ForwardThenDrop;
import io.logsearch.indexer.load.ScriptedProxy.Reply;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.IndexTemplate;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against a cluster that misbehaves on a script: a {@link ScriptedProxy} in front of the
 * real node answers 503/429 for whole requests, 500/429 for single items, or drops connections, and
 * forwards the rest. Whatever it recovers from must end with every record indexed exactly once;
 * what it does not recover from must fail the load within the retry budget, with a clear message,
 * while holding the reader back instead of piling up batches.
 */
@ExtendWith(RealElasticsearch.class)
class FlakyClusterIT {

    private static final BulkSettings SMALL_BATCHES = new BulkSettings(2, 64 * 1024, Duration.ofMillis(200), Duration.ofMinutes(1));
    /** Two days of events: few partitions to create, so the tests spend their time on the faults. */
    private static final int DAYS = 2;
    private static final Duration SHORT_BUDGET = Duration.ofSeconds(3);
    private static final BulkSettings SHORT_PATIENCE = new BulkSettings(2, 32 * 1024, Duration.ofMillis(100), SHORT_BUDGET);

    private static ElasticsearchClient direct;
    private static String url;
    private static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(TestElasticsearch es) {
        url = es.url();
        base = es.indexBase();
        direct = EsClients.create(EsSettings.of(url));
    }

    @AfterAll
    static void close() throws IOException {
        direct._transport().close();
    }

    private record Outcome(LoadSummary summary, LoadCounters counters, List<Rejection> rejected) {
    }

    /** Loads {@code export} through {@code proxy} into the index base {@code suffix}. */
    private static Outcome load(ScriptedProxy proxy, String suffix, Path export, BulkSettings settings) throws IOException {
        ElasticsearchClient client = EsClients.create(EsSettings.of(proxy.url()));
        try {
            LoadCounters counters = new LoadCounters();
            List<Rejection> rejected = new CopyOnWriteArrayList<>();
            LoadSummary summary = new Loader(index(client, suffix), settings).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                    List.of(ExportInput.file(export)), rejected::add, counters);
            return new Outcome(summary, counters, rejected);
        } finally {
            client._transport().close();
        }
    }

    private static EsEventStore index(ElasticsearchClient client, String suffix) {
        return EsEventStore.on(client, Partitioning.daily(base + "-" + suffix), 0);
    }

    private static long count(String suffix) throws IOException {
        String partitions = index(direct, suffix).partitions().allPartitions();
        direct.indices().refresh(r -> r.index(partitions).allowNoIndices(true));
        return direct.count(c -> c.index(partitions).allowNoIndices(true)).count();
    }

    @Test
    void wholeRequests503And429ForAWhileThenEveryRecordIndexedExactlyOnce() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 3000, DAYS, 21);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.bulk() == 0 || r.bulk() > 6 ? ScriptedProxy.FORWARD
                : r.bulk() <= 3 ? new Answer(503, "unavailable_shards_exception") : new Answer(429, "es_rejected_execution_exception"))) {
            Outcome outcome = load(proxy, "whole", export, SMALL_BATCHES);

            assertEquals(new LoadSummary(3000, 3000, 0, 0, outcome.summary().elapsed()), outcome.summary());
            assertEquals(List.of(), outcome.rejected());
            assertEquals(3000, count("whole"));
            assertTrue(outcome.counters().retries() >= 6, "retries " + outcome.counters().retries());
            assertTrue(proxy.bulkRequests() >= proxy.distinctBatches() + 6, proxy.bulkRequests() + " requests, " + proxy.distinctBatches() + " batches");
        }
    }

    @Test
    void items500And429AreRetriedAloneAndNeverDeadLettered() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 3000, DAYS, 22);
        Function<ScriptedProxy.Request, Reply> script = r -> {
            if (r.bulk() >= 1 && r.bulk() <= 4) {
                return new FailItems(500, "node_closed_exception", i -> i % 2 == 1);
            }
            if (r.bulk() >= 5 && r.bulk() <= 6) {
                return new FailItems(429, "es_rejected_execution_exception", i -> i % 3 == 0);
            }
            return ScriptedProxy.FORWARD;
        };
        try (ScriptedProxy proxy = ScriptedProxy.in(url, script)) {
            Outcome outcome = load(proxy, "items", export, SMALL_BATCHES);

            assertEquals(new LoadSummary(3000, 3000, 0, 0, outcome.summary().elapsed()), outcome.summary());
            assertEquals(List.of(), outcome.rejected());
            assertEquals(3000, count("items"));
            assertTrue(outcome.counters().retries() >= 6, "retries " + outcome.counters().retries());
        }
    }

    @Test
    void droppedConnectionsAreRetriedAndWorkAlreadyDoneCountsAsDuplicates() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 3000, DAYS, 23);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.bulk() == 0 || r.bulk() > 4 ? ScriptedProxy.FORWARD
                : r.bulk() <= 2 ? new Drop() : new ForwardThenDrop())) {
            Outcome outcome = load(proxy, "dropped", export, SMALL_BATCHES);

            LoadSummary summary = outcome.summary();
            assertEquals(3000, summary.read());
            assertEquals(3000, summary.indexed() + summary.duplicates(), summary.line());
            assertTrue(summary.duplicates() > 0, "the batches Elasticsearch took before the connection dropped come back as 409: " + summary.line());
            assertEquals(0, summary.rejected());
            assertEquals(3000, count("dropped"));
        }
    }

    @Test
    void sustained503FailsWithinTheBudgetWithoutPilingUpBatches() throws Exception {
        assertGivesUp(new Answer(503, "unavailable_shards_exception"), "sustained503", "HTTP 503", "unavailable_shards_exception");
    }

    @Test
    void sustained429OnEveryItemFailsWithinTheBudgetWithoutPilingUpBatches() throws Exception {
        assertGivesUp(new FailItems(429, "es_rejected_execution_exception", i -> true), "sustained429", "HTTP 429", "es_rejected_execution_exception");
    }

    /**
     * Elasticsearch answers every bulk request with {@code reply}: the load must fail once the budget
     * is spent, naming the cluster and its answer, with at most {@code concurrentRequests} requests
     * out at once and the reader held back (not the whole export read into pending batches).
     */
    private void assertGivesUp(Reply reply, String suffix, String... answer) throws Exception {
        Path export = Exports.generate(dir, "thousandeyes", 20_000, DAYS, 24);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.bulk() == 0 ? ScriptedProxy.FORWARD : reply)) {
            LoadCounters counters = new LoadCounters();
            ElasticsearchClient client = EsClients.create(EsSettings.of(proxy.url()));
            long start = System.nanoTime();
            LoadFailedException failure = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> assertThrows(LoadFailedException.class,
                    () -> new Loader(index(client, suffix), SHORT_PATIENCE).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                            List.of(ExportInput.file(export)), r -> { throw new AssertionError("rejected: " + r); }, counters)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            client._transport().close();

            String message = failure.getMessage();
            assertTrue(message.contains("Elasticsearch at " + proxy.url()) && message.matches(".*did not accept writes for \\d+ s.*"), message);
            for (String part : answer) {
                assertTrue(message.contains(part), message);
            }
            assertTrue(took.compareTo(SHORT_BUDGET) >= 0, "gave up after " + took + ", before the budget was spent");
            assertTrue(took.compareTo(SHORT_BUDGET.plusSeconds(15)) < 0, "gave up only after " + took);
            assertTrue(proxy.mostOutstandingBulk() <= SHORT_PATIENCE.concurrentRequests(), proxy.mostOutstandingBulk() + " bulk requests out at once");
            // the batches in flight when the trouble began, plus what the reader had buffered when the first gave up
            assertTrue(proxy.distinctBatches() <= SHORT_PATIENCE.concurrentRequests() + 2, proxy.distinctBatches() + " batches sent");
            // a 32 KB batch holds about 26 of these records; without the bound the reader went on through thousands
            assertTrue(counters.read() < 300, "the reader went on to read " + counters.read() + " records while nothing was accepted");
            assertEquals(0, counters.indexed() + counters.duplicates() + counters.rejected());
            assertEquals(0, count(suffix));
        }
    }

    @Test
    void aBulkRequestRefusedOutrightFailsAtOnce() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 500, DAYS, 25);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.bulk() == 0 ? ScriptedProxy.FORWARD : new Answer(403, "security_exception"))) {
            long start = System.nanoTime();
            LoadFailedException failure = assertThrows(LoadFailedException.class, () -> load(proxy, "forbidden", export, SMALL_BATCHES));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(failure.getMessage().contains("Elasticsearch at " + proxy.url() + " refused a bulk request: HTTP 403 (security_exception"),
                    failure.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "a 403 is not waited out: " + took);
        }
    }

    /**
     * A partition whose primary shard is not active accepts no writes: here its allocation requires a
     * node that does not exist; in a cluster, its only in-sync copy was on a node that was lost. The
     * load fails within its budget, and the message names the partition and Elasticsearch's reason,
     * not a connection that timed out unanswered.
     */
    @Test
    @Tag("extended") // each attempt waits the 20 s Elasticsearch is given to find the primary
    void aPartitionWithoutAnActivePrimaryFailsTheLoadNamingThePartition() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 50, 1, 29);
        for (String day : List.of("2026.05.30", "2026.05.31", "2026.06.01")) {
            direct.indices().create(c -> c.index(base + "-red-" + day)
                    .settings(s -> s.numberOfReplicas("0").otherSettings("index.routing.allocation.require._name", JsonData.of("no-such-node")))
                    .waitForActiveShards(w -> w.count(0)));
        }
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> ScriptedProxy.FORWARD)) {
            long start = System.nanoTime();
            LoadFailedException failure = assertThrows(LoadFailedException.class, () -> load(proxy, "red", export, SHORT_PATIENCE));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            String message = failure.getMessage();
            assertTrue(message.contains("Elasticsearch at " + proxy.url() + " did not accept writes"), message);
            assertTrue(Pattern.compile("HTTP 503 for \\d+ of \\d+ documents \\(unavailable_shards_exception: \\["
                    + Pattern.quote(base) + "-red-2026\\.0[56]\\.\\d\\d]\\[0] primary shard is not active").matcher(message).find(), message);
            assertTrue(took.compareTo(Duration.ofSeconds(90)) < 0, "given up after two waits for the shard and the budget: " + took);
        }
    }

    /** The ingester drops what its listener throws; a dead-letter file that cannot be written must still fail the load. */
    @Test
    void aRejectionThatCannotBeRecordedFailsTheLoad() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 500, DAYS, 28);
        RejectionSink fullDisk = rejection -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        };
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.bulk() == 1
                ? new FailItems(400, "document_parsing_exception", i -> i % 7 == 0) : ScriptedProxy.FORWARD)) {
            ElasticsearchClient client = EsClients.create(EsSettings.of(proxy.url()));
            try {
                LoadFailedException failure = assertThrows(LoadFailedException.class,
                        () -> new Loader(index(client, "unrecorded"), SMALL_BATCHES).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                                List.of(ExportInput.file(export)), fullDisk, new LoadCounters()));

                assertTrue(failure.getMessage().startsWith("the outcome of a bulk request could not be recorded: ")
                        && failure.getMessage().contains("No space left on device"), failure.getMessage());
            } finally {
                client._transport().close();
            }
        }
    }

    @Test
    void aClusterNotReadyAtTheStartIsWaitedForBeforeTheTemplateIsInstalled() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 500, DAYS, 26);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.template() >= 1 && r.template() <= 3
                ? new Answer(503, "cluster_block_exception") : ScriptedProxy.FORWARD)) {
            Outcome outcome = load(proxy, "late", export, SMALL_BATCHES);

            assertEquals(500, outcome.summary().indexed());
            assertTrue(proxy.templateRequests() >= 4, proxy.templateRequests() + " template requests");
            assertTrue(direct.indices().existsIndexTemplate(t -> t.name(IndexTemplate.name(base + "-late"))).value());
            assertEquals(500, count("late"));
        }
    }

    @Test
    void aTemplateRefusedOutrightFailsAtOnceNamingTheCluster() throws IOException {
        Path export = Exports.generate(dir, "thousandeyes", 10, DAYS, 27);
        try (ScriptedProxy proxy = ScriptedProxy.in(url, r -> r.template() > 0 ? new Answer(403, "security_exception") : ScriptedProxy.FORWARD)) {
            long start = System.nanoTime();
            LoadFailedException failure = assertThrows(LoadFailedException.class, () -> load(proxy, "refused", export, SMALL_BATCHES));

            assertTrue(failure.getMessage().contains("Elasticsearch at " + proxy.url() + " refused the index template: HTTP 403"), failure.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0, "a 403 is not waited out");
            assertEquals(1, proxy.templateRequests());
            assertEquals(0, proxy.bulkRequests());
        }
    }
}
