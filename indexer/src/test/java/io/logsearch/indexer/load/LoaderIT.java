package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.read.ExportInputs;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealElasticsearch.class)
class LoaderIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ElasticsearchClient client;
    private static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(TestElasticsearch es) {
        client = EsClients.create(EsSettings.of(es.url()));
        base = es.indexBase();
    }

    @AfterAll
    static void close() throws IOException {
        client._transport().close();
    }

    /** Each test loads into its own index base, so counts never mix. */
    private static EsEventStore index(String suffix) {
        return EsEventStore.on(client, Partitioning.daily(base + "-" + suffix), 0);
    }

    private static LoadSummary load(EsEventStore index, String source, List<Rejection> rejected, ExportInput... inputs) throws IOException {
        return new Loader(index, BulkSettings.DEFAULTS)
                .load(Sources.byId(source), SourceContext.EMPTY, List.of(inputs), rejected::add, new LoadCounters());
    }

    private static long count(EsEventStore index, String field, String value) throws IOException {
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()));
        return client.count(c -> c.index(index.partitions().allPartitions())
                .query(q -> q.term(t -> t.field(field).value(value)))).count();
    }

    private static long count(EsEventStore index) throws IOException {
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()));
        return client.count(c -> c.index(index.partitions().allPartitions())).count();
    }

    @Test
    void everySourceLoadsWithTheOutcomeCountsItsRecordsCarry() throws IOException {
        for (String sourceId : List.of("actionhub", "thousandeyes", "onehub", "authing")) {
            Source source = Sources.byId(sourceId);
            Path export = Exports.generate(dir, sourceId, 1500, 7);
            List<NormalizedEvent> expected = Exports.normalize(source, export);
            Map<String, Long> outcomes = expected.stream().collect(Collectors.groupingBy(
                    e -> e.document().at("/event/outcome").asText(), Collectors.counting()));

            EsEventStore index = index(sourceId);
            List<Rejection> rejected = new ArrayList<>();
            LoadSummary summary = load(index, sourceId, rejected, ExportInput.file(export));

            assertEquals(new LoadSummary(1500, 1500, 0, 0, summary.elapsed()), summary, sourceId);
            assertEquals(List.of(), rejected);
            assertEquals(1500, count(index));
            for (Map.Entry<String, Long> outcome : outcomes.entrySet()) {
                assertEquals(outcome.getValue(), count(index, "event.outcome", outcome.getKey()), sourceId + " " + outcome.getKey());
            }
            assertEquals(1500, count(index, "event.provider", sourceId));
        }
    }

    @Test
    void eventsLandInThePartitionOfTheirUtcDay() throws IOException {
        EsEventStore index = index("days");
        Path export = dir.resolve("onehub.json");
        Files.writeString(export, """
                {"items":[{"event":{"id":1,"updated_at":"2016-01-18T19:16:53-08:00","detail":"<subject>A</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/1/files/2\\">f.png</a> File</object>","workspace_id":1,"user_id":9}}]}
                """);
        assertEquals(1, load(index, "onehub", new ArrayList<>(), ExportInput.file(export)).indexed());
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()));
        assertTrue(client.indices().exists(e -> e.index(base + "-days-2016.01.19")).value());
    }

    @Test
    void loadingTheSameExportAgainWritesNothingAndCountsDuplicates() throws IOException {
        EsEventStore index = index("twice");
        Path export = Exports.generate(dir, "thousandeyes", 2000, 11);
        LoadSummary first = load(index, "thousandeyes", new ArrayList<>(), ExportInput.file(export));
        LoadSummary second = load(index, "thousandeyes", new ArrayList<>(), ExportInput.file(export));
        assertEquals(2000, first.indexed());
        assertEquals(0, second.indexed());
        assertEquals(2000, second.duplicates());
        assertEquals(2000, second.read());
        assertEquals(2000, count(index));
    }

    @Test
    void gzipDirectoriesAndStreamsAreRead() throws IOException {
        EsEventStore index = index("inputs");
        Path nested = Files.createDirectories(dir.resolve("exports/2025/q1"));
        Path plain = Exports.generate(dir, "authing", 300, 1);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(nested.resolve("authing.json.gz")))) {
            gz.write(Files.readAllBytes(Exports.generate(dir, "authing", 200, 2)));
        }
        Files.copy(plain, dir.resolve("exports/authing-plain.ndjson"));
        byte[] streamed = Files.readAllBytes(Exports.generate(dir, "authing", 100, 3));

        List<ExportInput> inputs = new ArrayList<>(ExportInputs.resolve(List.of(dir.resolve("exports").toString())));
        assertEquals(2, inputs.size());
        inputs.add(ExportInput.of("-", () -> new ByteArrayInputStream(streamed)));
        LoadSummary summary = load(index, "authing", new ArrayList<>(), inputs.toArray(ExportInput[]::new));
        assertEquals(600, summary.read());
        assertEquals(600, summary.indexed());
        assertEquals(600, count(index));
    }

    @Test
    void aHostileCorpusNeverStopsTheLoadAndEveryGoodRecordIsIndexed() throws Exception {
        EsEventStore index = index("hostile");
        Path corpus = Files.createDirectories(dir.resolve("hostile"));
        String good = "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\",\"uid\":\"%d\",\"aid\":\"1234\",\"ipAddress\":\"99.128.0.0/11\",\"user\":\"API Sandbox User (noreply@thousandeyes.com)\"}";
        Files.writeString(corpus.resolve("a-truncated.json"), "{\"auditEvents\":[" + good.formatted(1) + "," + good.formatted(2) + ",{\"date\":\"2020-07-1");
        Files.writeString(corpus.resolve("b-nested.ndjson"), good.formatted(3) + "\n" + "[".repeat(100_000) + "\n" + good.formatted(4) + "\n");
        byte[] invalidUtf8 = (good.formatted(5) + "\n{\"event\":\"\u0000bad").getBytes(StandardCharsets.UTF_8);
        Files.write(corpus.resolve("c-utf8.ndjson"), concat(invalidUtf8, new byte[] {(byte) 0xC3, 0x28, '"', '}', '\n'},
                (good.formatted(6) + "\n").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(corpus.resolve("d-huge.ndjson"), "{\"event\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}\n" + good.formatted(7) + "\n");
        Files.writeString(corpus.resolve("e-empty.json"), "");
        Files.write(corpus.resolve("f-bom.json"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("[" + good.formatted(8) + "]").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(corpus.resolve("g-mixed.ndjson"), good.formatted(9) + "\nnot json at all\n{\"event\":\"no date\"}\n"
                + good.formatted(10) + "\n{\"date\":\"yesterday\",\"event\":\"x\"}\n" + good.formatted(11) + "\n");
        Files.write(corpus.resolve("h-cut.json.gz"), truncatedGzip(good.formatted(12) + "\n" + good.formatted(13) + "\n"));
        // one page per line, as saved API bodies are: a damaged record (invalid UTF-8, then a missing comma) costs only itself
        String brokenUtf8 = "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\",\"uid\":\"x";
        String missingComma = "{\"date\":\"2020-07-17T22:00:54Z\" \"event\":\"Login failed.\",\"uid\":\"y\"}";
        Files.write(corpus.resolve("i-damaged-pages.json"), concat(
                ("{\"auditEvents\":[" + good.formatted(14) + "," + good.formatted(15) + "," + brokenUtf8).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28},
                ("\"}," + good.formatted(16) + "," + good.formatted(17) + "],\"_links\":{}}\n"
                        + "{\"auditEvents\":[" + good.formatted(18) + "," + missingComma + "," + good.formatted(19) + "]}\n").getBytes(StandardCharsets.UTF_8)));

        List<Rejection> rejected = new ArrayList<>();
        LoadSummary summary = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> load(index, "thousandeyes", rejected,
                ExportInputs.resolve(List.of(corpus.toString())).toArray(ExportInput[]::new)));

        Set<String> indexedUids = new java.util.TreeSet<>();
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()));
        client.search(s -> s.index(index.partitions().allPartitions()).size(100), JsonNode.class).hits().hits()
                .forEach(h -> indexedUids.add(h.source().at("/user/id").asText()));
        assertTrue(indexedUids.containsAll(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "14", "15", "16", "17", "18", "19")),
                indexedUids.toString());
        assertEquals(summary.read(), summary.indexed() + summary.duplicates() + summary.rejected(), summary.line());
        assertEquals(rejected.size(), summary.rejected());
        Map<String, List<String>> reasonsByFile = rejected.stream().collect(Collectors.groupingBy(
                r -> Path.of(r.file()).getFileName().toString(), java.util.TreeMap::new, Collectors.mapping(Rejection::reason, Collectors.toList())));
        assertEquals(Set.of("a-truncated.json", "b-nested.ndjson", "c-utf8.ndjson", "d-huge.ndjson", "g-mixed.ndjson", "h-cut.json.gz",
                        "i-damaged-pages.json"),
                reasonsByFile.keySet(), reasonsByFile.toString());
        assertEquals(2, reasonsByFile.get("i-damaged-pages.json").size(), reasonsByFile.toString());
        List<Rejection> damaged = rejected.stream().filter(r -> r.file().endsWith("i-damaged-pages.json")).toList();
        assertEquals(List.of("record 3 (line 1, column " + (17 + 2 * (good.formatted(14).length() + 1)) + ")", "record 7 (line 2, column "
                + (17 + good.formatted(18).length() + 1) + ")"), damaged.stream().map(Rejection::position).toList());
        assertEquals(missingComma, damaged.get(1).original());
        assertEquals(3, reasonsByFile.get("g-mixed.ndjson").size(), reasonsByFile.toString());
        assertTrue(reasonsByFile.get("g-mixed.ndjson").stream().anyMatch(r -> r.contains("date")), reasonsByFile.toString());
        for (Rejection r : rejected) {
            assertTrue(r.position().contains("line") || r.position().startsWith("after"), r.toString());
            assertEquals("thousandeyes", r.source());
        }
    }

    @Test
    void aDocumentElasticsearchRefusesGoesToTheDeadLetterWithItsReason() throws IOException {
        EsEventStore index = index("refused");
        Path export = dir.resolve("ecs.ndjson");
        Files.writeString(export, """
                {"@timestamp":"2024-01-01T00:00:00Z","event":{"action":"ok"},"message":"fine"}
                {"@timestamp":"2024-01-01T00:00:01Z","event":{"action":"bad"},"surprise":{"field":1}}
                """);
        List<Rejection> rejected = new ArrayList<>();
        LoadSummary summary = load(index, "ecs", rejected, ExportInput.file(export));
        assertEquals(1, summary.indexed());
        assertEquals(1, summary.rejected());
        assertTrue(rejected.get(0).reason().contains("strict_dynamic_mapping_exception"), rejected.get(0).reason());
        assertEquals("record 2 (line 2, column 1)", rejected.get(0).position());
        JsonNode original = JSON.readTree(rejected.get(0).original());
        assertEquals("bad", original.at("/event/action").asText());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] truncatedGzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 12);
    }
}
