package io.logsearch.indexer.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every action of every source, as the generated samples use the vendors' vocabularies, is
 * categorized as README's table says, and every (category, type) pair is one ECS expects.
 */
class EcsCategorizationConformanceTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String TABLE_HEADING = "### ECS categorization";
    private static final SourceContext CONTEXT = new SourceContext(Map.of(
            SourceContext.USER_ID, "u-1", SourceContext.PROGRAM_ID, "p-1", SourceContext.USER_POOL_ID, "pool-1"));

    /** Enough for every action of the generator's vocabularies to occur. */
    private static final long EVENTS = 8_000;

    /** One row of README's table: what a source's action becomes. */
    private record Row(String category, String types, String outcome) {
    }

    @Test
    void everyGeneratedActionIsCategorizedAsReadmeSaysAndAsEcsExpects() throws IOException {
        Map<String, Row> observed = new TreeMap<>();
        for (String sourceId : ExportGenerator.SOURCE_IDS) {
            Source source = Sources.byId(sourceId);
            Map<String, TreeSet<String>> outcomes = new HashMap<>();
            Map<String, Row> rows = new HashMap<>();
            for (JsonNode document : generated(source)) {
                JsonNode event = document.get("event");
                List<String> categories = texts(event.get("category"));
                List<String> types = texts(event.get("type"));
                String action = event.get("action").asText();
                EcsExpectedEventTypes.assertExpected(categories, types, sourceId + " " + action);
                assertEquals(1, categories.size(), sourceId + " " + action);
                Row row = new Row(categories.get(0), String.join(", ", types), "");
                Row earlier = rows.putIfAbsent(action, row);
                assertTrue(earlier == null || earlier.equals(row), sourceId + " " + action + " is categorized one way");
                outcomes.computeIfAbsent(action, a -> new TreeSet<>()).add(event.get("outcome").asText());
            }
            rows.forEach((action, row) -> observed.put(sourceId + " " + action,
                    new Row(row.category(), row.types(), String.join(" or ", outcomes.get(action).descendingSet()))));
        }
        assertEquals(readmeTable(), observed);
    }

    @Test
    void failedSignInsOfEverySourceAreAuthenticationStartFailure() throws IOException {
        for (String sourceId : List.of("thousandeyes", "authing")) {
            long failedSignIns = generated(Sources.byId(sourceId)).stream()
                    .map(document -> document.get("event"))
                    .filter(event -> texts(event.get("category")).contains("authentication")
                            && texts(event.get("type")).contains("start")
                            && event.get("outcome").asText().equals("failure"))
                    .count();
            assertTrue(failedSignIns > 0, sourceId + " has failed sign-ins");
        }
    }

    /** Normalised once per source for both tests. */
    private static final Map<String, List<JsonNode>> GENERATED = new HashMap<>();

    private static synchronized List<JsonNode> generated(Source source) throws IOException {
        List<JsonNode> documents = GENERATED.get(source.id());
        if (documents == null) {
            documents = normalizeGenerated(source, EVENTS);
            GENERATED.put(source.id(), documents);
        }
        return documents;
    }

    /** The generator's export of {@code events} records of {@code source}, normalised as the export reader lays it out. */
    private static List<JsonNode> normalizeGenerated(Source source, long events) throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource(source.id())
                .write(new GeneratorSpec(events, 30, 7, Instant.parse("2026-06-01T00:00:00Z")), export);
        ExportLayout layout = source.layout();
        List<JsonNode> documents = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(export.toByteArray()), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode page = TestRecords.EXACT.readTree(line);
                Map<String, String> context = new HashMap<>(CONTEXT.values());
                layout.contextFields().forEach((field, key) -> Optional.ofNullable(page.get(field))
                        .ifPresent(value -> context.put(key, value.asText())));
                JsonNode records = page;
                for (String name : layout.recordsPath()) {
                    records = records.path(name);
                }
                for (JsonNode item : records) {
                    JsonNode record = layout.itemWrapper().map(item::get).orElse(item);
                    documents.add(source.normalize(TestRecords.withoutText(record.deepCopy()), new SourceContext(context))
                            .document());
                }
            }
        }
        return documents;
    }

    /** README's rows {@code | source | `action` | category | type, type | outcome |} under {@value #TABLE_HEADING}. */
    private static Map<String, Row> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int heading = lines.indexOf(TABLE_HEADING);
        assertTrue(heading >= 0, "README has the heading " + TABLE_HEADING);
        Map<String, Row> table = new TreeMap<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            String source = cells[0].strip();
            if (source.equals("source") || source.startsWith("-")) {
                continue;
            }
            String action = cells[1].strip().replace("`", "");
            table.put(source + " " + action, new Row(cells[2].strip(), cells[3].strip(), cells[4].strip()));
        }
        return table;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
