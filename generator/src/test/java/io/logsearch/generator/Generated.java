package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One generated export, parsed for assertions. */
record Generated(String sourceId, GeneratorSpec spec, byte[] bytes, List<JsonNode> pages) {

    static final Instant UNTIL = Instant.parse("2025-06-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Generated run(String sourceId, long events, int days, long seed) {
        return run(sourceId, new GeneratorSpec(events, days, seed, UNTIL));
    }

    static Generated run(String sourceId, GeneratorSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ExportGenerator.forSource(sourceId).write(spec, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "NDJSON ends with a line break");
        List<JsonNode> pages = new ArrayList<>();
        for (String line : text.lines().toList()) {
            try {
                JsonNode page = JSON.readTree(line);
                assertTrue(page.isObject(), "every line is a JSON object: " + line);
                pages.add(page);
            } catch (IOException e) {
                throw new AssertionError("line is not JSON: " + line, e);
            }
        }
        return new Generated(sourceId, spec, bytes, pages);
    }

    /** The records of all pages, in output order. */
    List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode page : pages) {
            switch (sourceId) {
                case "thousandeyes" -> page.get("auditEvents").forEach(records::add);
                case "actionhub" -> page.get("history").forEach(records::add);
                case "onehub" -> page.get("items").forEach(item -> records.add(item.get("event")));
                case "authing" -> page.get("data").get("list").forEach(records::add);
                default -> throw new IllegalArgumentException(sourceId);
            }
        }
        return records;
    }

    static Instant timestamp(String sourceId, JsonNode record) {
        return switch (sourceId) {
            case "thousandeyes" -> Instant.parse(record.get("date").asText());
            case "actionhub" -> Instant.parse(record.get("timestamp").asText());
            case "onehub" -> OffsetDateTime.parse(record.get("updated_at").asText()).toInstant();
            case "authing" -> record.get("timestamp").isNumber()
                    ? Instant.ofEpochMilli(record.get("timestamp").asLong())
                    : Instant.parse(record.get("timestamp").asText());
            default -> throw new IllegalArgumentException(sourceId);
        };
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertText(JsonNode record, String field) {
        JsonNode value = record.get(field);
        assertTrue(value != null && value.isTextual() && !value.asText().isBlank(),
                "'" + field + "' is a non-blank string in " + record);
    }
}
