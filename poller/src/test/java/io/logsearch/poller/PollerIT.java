package io.logsearch.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.logsearch.api.auth.Tokens;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.DeadLetterFile;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import io.logsearch.poller.FaultProxy.Fault;
import io.logsearch.poller.actionhub.ActionHubClient;
import io.logsearch.poller.authing.AuthingClient;
import io.logsearch.poller.onehub.OnehubClient;
import io.logsearch.poller.thousandeyes.ThousandEyesClient;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each poller against logsearch's own compatibility endpoints (a server over a second index base,
 * filled from generated exports through the real loader), behind a proxy that injects 429s with
 * {@code Retry-After}, 500s, stalls and dropped connections: the first run copies every record of
 * its scope exactly (the same ids and {@code event.original} as the load), a second adds nothing,
 * events that appear later arrive on the next run, and nothing is lost or duplicated.
 */
@ExtendWith(RealElasticsearch.class)
class PollerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "poller-it-token-0123456789";
    private static final String KEY_ID = "poller-it-key";
    private static final String KEY_SECRET = "poller-it-secret-0123456789";
    private static final List<Fault> FAULTS = List.of(Fault.NONE, Fault.TOO_MANY_REQUESTS, Fault.NONE, Fault.SERVER_ERROR,
            Fault.STALL, Fault.NONE, Fault.DROP);
    /** Short timeouts and retries, so that the faults cost seconds; the overlap covers the later events, dated up to a day back. */
    private static final PollSettings SETTINGS = new PollSettings(Instant.EPOCH, Duration.ofDays(2), Duration.ofSeconds(2),
            Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMinutes(2));
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static TestElasticsearch es;
    private static ElasticsearchClient client;
    private static EsEventStore origin;
    private static Javalin server;
    private static FaultProxy proxy;
    /** The first export of each source, one vendor page or wrapper per line. */
    private static final Map<String, List<ObjectNode>> FIRST = new HashMap<>();
    private static String authingPool;
    private static String actionHubProgram;
    private static List<String> actionHubUsers;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestElasticsearch elasticsearch, @TempDir Path tokensDir) throws IOException {
        es = elasticsearch;
        client = EsClients.create(EsSettings.of(es.url()));
        origin = EsEventStore.on(client, new Partitioning(es.indexBase() + "-vendor", Granularity.MONTHLY), 0);
        for (String source : List.of("thousandeyes", "onehub", "authing", "actionhub")) {
            FIRST.put(source, generate(source, 400, 6, 11, NOW.minus(Duration.ofDays(3))));
            load(source, FIRST.get(source));
        }
        authingPool = mostFrequent(FIRST.get("authing"), page -> page.path("userPoolId").asText(), page -> page.at("/data/list").size());
        actionHubProgram = mostFrequent(FIRST.get("actionhub"), page -> page.path("program_id").asText(), page -> page.path("history").size());
        actionHubUsers = FIRST.get("actionhub").stream().filter(page -> page.path("program_id").asText().equals(actionHubProgram))
                .map(page -> page.path("user_id").asText()).distinct().sorted().toList();

        Path tokens = tokensDir.resolve("tokens.json");
        Files.writeString(tokens, """
                {"tokens": [{"name": "poller", "sha256": "%s", "organizations": ["*"], "scopes": ["search"]}],
                 "accessKeys": [{"id": "%s", "secret": "%s", "userPool": "%s", "scopes": ["search"]}]}
                """.formatted(Tokens.sha256Hex(TOKEN), KEY_ID, KEY_SECRET, authingPool));
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
        Tokens configured = Tokens.read(tokens);
        server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> {
            cfg.store = origin;
            cfg.cursorSecret = Optional.of("poller IT cursor secret, 32 bytes".getBytes(StandardCharsets.UTF_8));
            cfg.tokens = Optional.of(configured);
        });
        proxy = new FaultProxy("http://127.0.0.1:" + server.port(), Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        server.stop();
        client._transport().close();
    }

    @Test
    @Tag("extended")
    void thousandEyes() throws IOException {
        scenario("thousandeyes", base -> new ThousandEyesClient(base + "/compat/thousandeyes/v7", Optional.of(TOKEN), Optional.empty(), false),
                Optional.empty(), page -> page);
    }

    @Test
    @Tag("extended")
    void onehub() throws IOException {
        scenario("onehub", base -> new OnehubClient(base + "/compat/onehub", Optional.of(TOKEN), List.of()), Optional.empty(), page -> page);
    }

    @Test
    @Tag("extended")
    void authingSignedWithTheAccessKey() throws IOException {
        scenario("authing", base -> new AuthingClient(base + "/compat/authing", KEY_ID, KEY_SECRET, authingPool, Clock.systemUTC()),
                Optional.of(authingPool), page -> page.put("userPoolId", authingPool));
    }

    @Test
    @Tag("extended")
    void actionHubUserByUser() throws IOException {
        List<String> users = actionHubUsers;
        int[] next = {0};
        scenario("actionhub", base -> new ActionHubClient(base + "/compat/actionhub", Optional.of(TOKEN), actionHubProgram, users),
                Optional.of(actionHubProgram), page -> page.put("program_id", actionHubProgram).put("user_id", users.get(next[0]++ % users.size())));
    }

    @Test
    void aRefusedCredentialStopsTheSourceNamingItButNotItsValue() {
        Path checkpoints = dir.resolve("refused.json");
        CredentialRefusedException bearer = assertThrows(CredentialRefusedException.class, () -> poll(
                new ThousandEyesClient(server() + "/compat/thousandeyes/v7", Optional.of("wrong-token-value"), Optional.empty(), false),
                es.indexBase() + "-refused", checkpoints));
        assertTrue(bearer.getMessage().contains("thousandeyes refused the bearer token (--token or LOGSEARCH_SOURCE_TOKEN)"), bearer.getMessage());
        assertFalse(bearer.getMessage().contains("wrong-token-value"), bearer.getMessage());

        CredentialRefusedException signed = assertThrows(CredentialRefusedException.class, () -> poll(
                new AuthingClient(server() + "/compat/authing", KEY_ID, "not-the-secret", authingPool, Clock.systemUTC()),
                es.indexBase() + "-refused", checkpoints));
        assertTrue(signed.getMessage().contains("authing refused access key " + KEY_ID), signed.getMessage());
        assertFalse(signed.getMessage().contains("not-the-secret"), signed.getMessage());
        assertFalse(Files.exists(checkpoints), "no checkpoint is written for a refused source");
    }

    @Test
    void aRunStoppedMidWayResumesAtItsPageAndCopiesEachRecordOnce() throws IOException {
        String copy = es.indexBase() + "-resumed";
        Path checkpoints = dir.resolve("resumed.json");
        proxy.schedule(List.of(Fault.NONE));
        StopSignal stop = new StopSignal();
        VendorClient onehub = new OnehubClient(proxy.base() + "/compat/onehub", Optional.of(TOKEN), List.of());
        VendorClient stopsAfterTwoPages = new Delegating(onehub) {
            private int pages;

            @Override
            public Optional<PageRequest> next(PageRequest page, Path body) {
                if (++pages == 2) {
                    stop.stop();
                }
                return super.next(page, body);
            }
        };
        LoadCounters stopped = poll(stopsAfterTwoPages, copy, checkpoints, stop);
        assertEquals(60, stopped.indexed(), "two pages of 30, the second finished after the stop");
        Checkpoint pending = new CheckpointFile(checkpoints).read(onehub.checkpointKey()).orElseThrow();
        assertEquals(Optional.of("3"), pending.pending().map(PageRequest::position), pending.toString());

        LoadCounters resumed = poll(onehub, copy, checkpoints);
        Map<String, String> expected = documents(origin.base(), "onehub", Optional.empty());
        assertEquals(expected.size() - 60, resumed.indexed(), "the resumed run starts at page 3");
        assertEquals(expected, documents(copy, "onehub", Optional.empty()));
        assertTrue(new CheckpointFile(checkpoints).read(onehub.checkpointKey()).orElseThrow().pending().isEmpty());
    }

    @Test
    void aMalformedPageGoesToTheDeadLetterFileWithItsUrlAndTheNextRunGetsItsRecords() throws IOException {
        String copy = es.indexBase() + "-malformed";
        Path checkpoints = dir.resolve("malformed.json");
        VendorClient thousandEyes = new ThousandEyesClient(proxy.base() + "/compat/thousandeyes/v7", Optional.of(TOKEN), Optional.empty(), false);
        proxy.schedule(List.of(Fault.NONE, Fault.MALFORMED, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE,
                Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE));
        LoadCounters damaged = poll(thousandEyes, copy, checkpoints);
        assertTrue(damaged.rejected() > 0, "the cut-off page is rejected: " + damaged.rejected());
        List<String> lines = Files.readAllLines(checkpoints.resolveSibling("rejected.ndjson"));
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            JsonNode rejection = JSON.readTree(line);
            assertTrue(rejection.path("file").asText().startsWith(proxy.base() + "/compat/thousandeyes/v7/audit-user-events?"), line);
            assertEquals("thousandeyes", rejection.path("source").asText());
        }
        assertTrue(new CheckpointFile(checkpoints).read(thousandEyes.checkpointKey()).orElseThrow().since().equals(Instant.EPOCH),
                "a run with an unreadable page does not move the checkpoint on");

        proxy.schedule(List.of(Fault.NONE));
        LoadCounters next = poll(thousandEyes, copy, checkpoints);
        assertEquals(0, next.rejected());
        Map<String, String> expected = documents(origin.base(), "thousandeyes", Optional.empty());
        assertEquals(expected.size(), damaged.indexed() + next.indexed(), "every record once");
        assertEquals(expected, documents(copy, "thousandeyes", Optional.empty()));
    }

    /** A vendor client that does what another does, for tests that step in between. */
    private static class Delegating implements VendorClient {
        private final VendorClient client;

        Delegating(VendorClient client) {
            this.client = client;
        }

        @Override
        public io.logsearch.indexer.sources.Source source() {
            return client.source();
        }

        @Override
        public String checkpointKey() {
            return client.checkpointKey();
        }

        @Override
        public String credential() {
            return client.credential();
        }

        @Override
        public PageRequest first(TimeSpan span) {
            return client.first(span);
        }

        @Override
        public java.net.http.HttpRequest request(PageRequest page, Duration timeout) {
            return client.request(page, timeout);
        }

        @Override
        public String describe(PageRequest page) {
            return client.describe(page);
        }

        @Override
        public SourceContext context(PageRequest page) {
            return client.context(page);
        }

        @Override
        public Optional<PageRequest> next(PageRequest page, Path body) {
            return client.next(page, body);
        }
    }

    /**
     * The four steps for one source, under the proxy's faults. {@code scope} is the organization the
     * poller's query covers (all of the source's events when empty); {@code rescope} moves a later
     * page into it.
     */
    private void scenario(String source, Function<String, VendorClient> clientAt, Optional<String> scope,
                          Function<ObjectNode, ObjectNode> rescope) throws IOException {
        String copy = es.indexBase() + "-copy-" + source;
        Path checkpoints = dir.resolve("checkpoints.json");
        VendorClient vendor = clientAt.apply(proxy.base());
        proxy.schedule(FAULTS);

        LoadCounters first = poll(vendor, copy, checkpoints);
        Map<String, String> expected = documents(origin.base(), source, scope);
        assertTrue(expected.size() > 20, source + ": the scope holds events: " + expected.size());
        assertEquals(expected, documents(copy, source, Optional.empty()), source + ": the first run copies every record exactly");
        assertEquals(expected.size(), first.indexed(), source + ": first run");
        assertEquals(0, first.rejected());
        assertTrue(proxy.injected(Fault.TOO_MANY_REQUESTS) > 0 && proxy.injected(Fault.SERVER_ERROR) > 0
                && proxy.injected(Fault.STALL) > 0 && proxy.injected(Fault.DROP) > 0, "every fault was injected");

        LoadCounters second = poll(vendor, copy, checkpoints);
        assertEquals(0, second.indexed(), source + ": the second run adds nothing");
        assertEquals(0, second.rejected());

        List<ObjectNode> later = generate(source, 120, 1, 12, NOW).stream().map(rescope).toList();
        load(source, later);
        LoadCounters third = poll(vendor, copy, checkpoints);
        Map<String, String> now = documents(origin.base(), source, scope);
        assertTrue(now.size() > expected.size(), source + ": events were added at the vendor");
        assertEquals(now.size() - expected.size(), third.indexed(), source + ": the new events arrive on the next run");
        assertEquals(now, documents(copy, source, Optional.empty()), source + ": nothing lost, nothing duplicated");
        assertTrue(Files.readString(checkpoints).contains("\"since\""), Files.readString(checkpoints));
    }

    private static LoadCounters poll(VendorClient vendor, String base, Path checkpoints) throws IOException {
        return poll(vendor, base, checkpoints, new StopSignal());
    }

    private static LoadCounters poll(VendorClient vendor, String base, Path checkpoints, StopSignal stop) throws IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        LoadCounters counters = new LoadCounters();
        EsEventStore store = EsEventStore.on(client, new Partitioning(base, Granularity.MONTHLY), 0);
        try (DeadLetterFile rejected = new DeadLetterFile(checkpoints.resolveSibling("rejected.ndjson"))) {
            new Poller(vendor, new PageFetcher(http, SETTINGS, stop, Clock.systemUTC()), store, BulkSettings.DEFAULTS,
                    new CheckpointFile(checkpoints), SETTINGS, stop, Clock.systemUTC()).poll(rejected, counters);
        }
        return counters;
    }

    private static String server() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every document of {@code source} under {@code base} (of {@code organization} only, when given): {@code _id → event.original}. */
    private static Map<String, String> documents(String base, String source, Optional<String> organization) throws IOException {
        client.indices().refresh(r -> r.index(base + "-*").ignoreUnavailable(true).allowNoIndices(true));
        SearchResponse<JsonNode> found = client.search(s -> s.index(base + "-*").ignoreUnavailable(true).allowNoIndices(true)
                .size(10_000).query(q -> q.term(t -> t.field("event.provider").value(source))), JsonNode.class);
        Map<String, String> documents = new TreeMap<>();
        for (Hit<JsonNode> hit : found.hits().hits()) {
            JsonNode document = hit.source();
            if (organization.isEmpty() || organization.get().equals(document.path("organization").path("id").asText())) {
                assertEquals(null, documents.put(hit.id(), document.path("event").path("original").asText()), "one document per id");
            }
        }
        return documents;
    }

    private static List<ObjectNode> generate(String source, int events, int days, long seed, Instant until) throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource(source).write(new GeneratorSpec(events, days, seed, until), export);
        List<ObjectNode> pages = new ArrayList<>();
        for (String line : export.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                pages.add((ObjectNode) JSON.readTree(line));
            }
        }
        return pages;
    }

    private static void load(String source, List<ObjectNode> pages) throws IOException {
        String export = pages.stream().map(ObjectNode::toString).collect(Collectors.joining("\n"));
        new Loader(origin, BulkSettings.DEFAULTS).load(Sources.byId(source), SourceContext.EMPTY,
                List.of(ExportInput.of(source + "-export", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))),
                rejected -> {
                    throw new AssertionError("the loader rejected a fixture record: " + rejected);
                }, new LoadCounters());
        client.indices().refresh(r -> r.index(origin.base() + "-*").ignoreUnavailable(true).allowNoIndices(true));
    }

    private static String mostFrequent(List<ObjectNode> pages, Function<JsonNode, String> key, Function<JsonNode, Integer> weight) {
        Map<String, Integer> counts = new HashMap<>();
        pages.forEach(page -> counts.merge(key.apply(page), weight.apply(page), Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
