package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code ./logsearch load} with a small heap ({@code -Xmx256m}, the heap in which `bench` loads a 2 GB
 * export; at 128 MB a 6 MB field's parse buffers, its document and the bulk request holding
 * it now and then ran out of heap between G1's humongous regions) over a hostile corpus of every
 * source: truncated, 100,000 levels deep, fields of 6 and 17 MB, invalid UTF-8, UTF-16, byte order marks,
 * empty, binary, a wrong type at every field, a gzip bomb (1 GB of one string), and, from stdin,
 * 10 GB of white space streamed between two good pages. No hang, no crash, every good record
 * indexed, every bad one in the dead-letter file with its reason and position.
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
class HostileExportsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant UNTIL = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, String> SMALL_HEAP = Map.of("LOGSEARCH_JAVA_OPTS", "-Xmx256m");
    private static final Pattern SUMMARY = Pattern.compile("^read=(\\d+) indexed=(\\d+) duplicates=(\\d+) rejected=(\\d+) elapsed=", Pattern.MULTILINE);
    private static final Pattern POSITION = Pattern.compile("(record \\d+ \\()?line \\d+, column \\d+\\)?|.*(after|at|byte|offset).*");

    @TempDir
    Path dir;

    private static byte[] generated(String source, long events, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource(source).write(new GeneratorSpec(events, 2, seed, UNTIL), out);
        return out.toByteArray();
    }

    /** Where a page of the source holds its records. */
    private static String recordsPointer(String source) {
        return switch (source) {
            case "actionhub" -> "/history";
            case "thousandeyes" -> "/auditEvents";
            case "onehub" -> "/items";
            case "authing" -> "/data/list";
            default -> throw new IllegalArgumentException(source);
        };
    }

    /** The first page of a generated export, parsed. */
    private static ObjectNode firstPage(String source, long seed) throws IOException {
        String text = new String(generated(source, 1, seed), StandardCharsets.UTF_8);
        return (ObjectNode) JSON.readTree(text.lines().findFirst().orElseThrow());
    }

    /** The object a record's fields are in: Onehub's items wrap it as {"event": {…}}. */
    private static ObjectNode fields(String source, JsonNode record) {
        return (ObjectNode) (source.equals("onehub") ? record.get("event") : record);
    }

    /** One page holding a copy of the record for each field, that field holding a wrong type: an object, an array, a fraction, a boolean. */
    private static String wrongTypes(String source, long seed) throws IOException {
        ObjectNode page = firstPage(source, seed);
        ArrayNode records = (ArrayNode) page.at(recordsPointer(source));
        JsonNode template = records.get(0);
        records.removeAll();
        List<String> names = new ArrayList<>();
        fields(source, template).fieldNames().forEachRemaining(names::add);
        JsonNode[] wrong = {JSON.createObjectNode().put("wrong", true), JSON.createArrayNode().add(1).add("two"), JSON.getNodeFactory().numberNode(1.5),
                JSON.getNodeFactory().booleanNode(false)};
        for (String name : names) {
            for (JsonNode value : wrong) {
                JsonNode copy = template.deepCopy();
                fields(source, copy).set(name, value);
                records.add(copy);
            }
        }
        return page.toString();
    }

    /**
     * A page whose first records carry a text field of 6 MB (which the reader takes) and one of
     * 17 MB (beyond its 16 MB limit for a string), followed by a good record.
     */
    private static String hugeFields(String source, long seed) throws IOException {
        ObjectNode page = firstPage(source, seed);
        ArrayNode records = (ArrayNode) page.at(recordsPointer(source));
        for (int megabytes : new int[] {17, 6}) {
            JsonNode copy = records.get(records.size() - 1).deepCopy();
            String name = fields(source, copy).fieldNames().next();
            fields(source, copy).put(name, "x".repeat(megabytes * 1024 * 1024));
            records.insert(0, copy);
        }
        return page.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void gzipBomb(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write("{\"bomb\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 1024; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Set<String> ids(TestElasticsearch es, String base) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(es.url() + "/" + base + "-*/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Set<String> ids = new HashSet<>();
        String after = "";
        while (true) {
            String body = "{\"size\":0,\"aggs\":{\"ids\":{\"composite\":{\"size\":10000," + after + "\"sources\":[{\"id\":{\"terms\":{\"field\":\"event.id\"}}}]}}}}";
            JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(es.url() + "/" + base + "-*/_search?allow_no_indices=true"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode buckets = answer.path("aggregations").path("ids").path("buckets");
            if (buckets.isEmpty()) {
                return ids;
            }
            buckets.forEach(b -> ids.add(b.path("key").path("id").asText()));
            after = "\"after\":" + answer.path("aggregations").path("ids").path("after_key") + ",";
        }
    }

    private String load(ProcessBuilder load, Path output, int minutes) throws Exception {
        Process process = load.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the load hung:\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        assertTrue(process.exitValue() == 0 || process.exitValue() == 3, "exit " + process.exitValue() + ":\n" + text);
        assertFalse(text.contains("OutOfMemoryError"), text);
        return text;
    }

    private static long[] summary(String text) {
        Matcher m = SUMMARY.matcher(text);
        assertTrue(m.find(), text);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionhub", "thousandeyes", "onehub", "authing"})
    void aHostileCorpusOfEverySourceLosesNoGoodRecordAndDeadLettersEveryBadOneWithItsPosition(String source, TestElasticsearch es) throws Exception {
        Path good = Files.createDirectories(dir.resolve(source + "-good"));
        Path corpus = Files.createDirectories(dir.resolve(source + "-hostile"));
        byte[] plain = generated(source, 200, 1);
        byte[] withBom = generated(source, 50, 2);
        byte[] inUtf16 = generated(source, 50, 3);
        Files.write(good.resolve("plain.json"), plain);
        Files.write(good.resolve("bom.json"), withBom);
        Files.write(good.resolve("utf16.json"), inUtf16);

        Files.write(corpus.resolve("plain.json"), plain);
        Files.write(corpus.resolve("bom.json"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, withBom));
        Files.write(corpus.resolve("utf16.json"), new String(inUtf16, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)); // big-endian, with a BOM
        byte[] cut = generated(source, 50, 4);
        Files.write(corpus.resolve("truncated.json"), Arrays.copyOf(cut, cut.length * 3 / 5));
        Files.writeString(corpus.resolve("nested.json"), "[".repeat(100_000) + "\n" + "{\"a\":".repeat(100_000) + "\n");
        Files.writeString(corpus.resolve("huge.json"), hugeFields(source, 5) + "\n");
        Files.write(corpus.resolve("invalid-utf8.json"), concat("{\"bad\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
                "\"}\n".getBytes(StandardCharsets.US_ASCII)));
        byte[] binary = new byte[256 * 1024];
        new Random(15).nextBytes(binary);
        Files.write(corpus.resolve("binary.bin"), binary);
        Files.write(corpus.resolve("empty.json"), new byte[0]);
        Files.writeString(corpus.resolve("wrong-types.json"), wrongTypes(source, 6) + "\n");
        gzipBomb(corpus.resolve("bomb.json.gz"));

        String goodBase = es.indexBase() + "-" + source + "-good";
        String hostileBase = es.indexBase() + "-" + source + "-hostile";
        Path goodOutput = dir.resolve(source + "-good.txt");
        load(Launcher.command(Map.of("ES_URL", es.url()), goodOutput, "load", "--source", source, "--index", goodBase, good.toString()), goodOutput, 3);
        Set<String> goodIds = ids(es, goodBase);
        // generated exports of different seeds may share events (Onehub's ids count down from one start)
        assertTrue(goodIds.size() >= 200, goodIds.size() + " good events:\n" + Files.readString(goodOutput));

        Path deadLetter = dir.resolve(source + "-rejected.ndjson");
        Path output = dir.resolve(source + "-hostile.txt");
        Map<String, String> env = new java.util.HashMap<>(SMALL_HEAP);
        env.put("ES_URL", es.url());
        String text = load(Launcher.command(env, output, "load", "--source", source, "--index", hostileBase, "--dead-letter", deadLetter.toString(),
                corpus.toString()), output, 8);
        long[] counts = summary(text);
        assertEquals(counts[0], counts[1] + counts[2] + counts[3], text);
        Set<String> hostileIds = ids(es, hostileBase);
        Set<String> missing = new TreeSet<>(goodIds);
        missing.removeAll(hostileIds);
        assertEquals(Set.of(), missing, "good records not indexed:\n" + text);

        List<String> lines = Files.readAllLines(deadLetter);
        assertEquals(counts[3], lines.size(), text);
        Set<String> filesWithRejections = new TreeSet<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertEquals(source, entry.path("source").asText(), line.substring(0, Math.min(300, line.length())));
            assertFalse(entry.path("reason").asText().isBlank(), line.substring(0, Math.min(300, line.length())));
            String position = entry.path("position").asText();
            assertTrue(POSITION.matcher(position).matches(), "position '" + position + "' of " + line.substring(0, Math.min(300, line.length())));
            filesWithRejections.add(Path.of(entry.path("file").asText()).getFileName().toString());
        }
        assertTrue(filesWithRejections.containsAll(Set.of("truncated.json", "nested.json", "huge.json", "invalid-utf8.json", "binary.bin", "bomb.json.gz")),
                filesWithRejections.toString());
        assertFalse(filesWithRejections.contains("plain.json") || filesWithRejections.contains("bom.json") || filesWithRejections.contains("utf16.json"),
                filesWithRejections.toString());
        System.out.println(source + ": " + text.lines().filter(l -> l.startsWith("read=")).findFirst().orElse("") + ", dead-lettered files " + filesWithRejections);
    }

    @Test
    void tenGigabytesOfWhiteSpaceFromStandardInputAreReadThroughInBoundedMemory(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-whitespace";
        String[] pages = new String(generated("thousandeyes", 2, 7), StandardCharsets.UTF_8).lines().toArray(String[]::new);
        Path output = dir.resolve("whitespace.txt");
        Map<String, String> env = new java.util.HashMap<>(SMALL_HEAP);
        env.put("ES_URL", es.url());
        ProcessBuilder builder = Launcher.command(env, output, "load", "--source", "thousandeyes", "--index", base,
                "--dead-letter", dir.resolve("whitespace-rejected.ndjson").toString(), "-");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        long written = 0;
        try (OutputStream in = process.getOutputStream()) {
            in.write((String.join("\n", pages) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            Arrays.fill(blank, (byte) ' ');
            for (int i = 0; i < blank.length; i += 4096) {
                blank[i] = '\n';
            }
            blank[17] = '\t';
            blank[18] = '\r';
            for (int i = 0; i < 10 * 1024; i++) {
                in.write(blank);
                written += blank.length;
            }
            in.write(String.join("\n", pages).getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(8, TimeUnit.MINUTES), "the load hung");
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        assertEquals(10L << 30, written);
        long[] counts = summary(text);
        assertEquals(List.of(4L, 2L, 2L, 0L), List.of(counts[0], counts[1], counts[2], counts[3]), text);
        assertEquals(2, ids(es, base).size(), text);
    }
}
