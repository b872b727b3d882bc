package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionHubGeneratorTest {

    private static final List<String> RECORD_FIELDS =
            List.of("timestamp", "event_type", "asset_id", "asset_name", "event_labels", "asset_labels");

    /** Built once for the class: every test only reads it. */
    private static final Generated EXPORT = Generated.run("actionhub", 20_000, 30, 5);

    @Test
    void eachLineWrapsOneUsersHistoryInOneProgram() {
        for (JsonNode line : EXPORT.pages()) {
            assertEquals(List.of("user_id", "program_id", "history"), Generated.fieldNames(line));
            Generated.assertText(line, "user_id");
            Generated.assertText(line, "program_id");
            int size = line.get("history").size();
            assertTrue(size >= 1 && size <= 1000, size + " records in a line");
        }
    }

    @Test
    void longHistoriesAreSplitIntoLinesOfAThousand() {
        Map<String, Integer> lines = new HashMap<>();
        for (JsonNode line : EXPORT.pages()) {
            String key = line.get("user_id").asText() + " " + line.get("program_id").asText();
            int before = lines.merge(key, 1, Integer::sum) - 1;
            if (before == 0 && line.get("history").size() < 1000) {
                lines.put(key, -1);
            }
            assertTrue(lines.get(key) != 0, "a history continues only after a full line: " + key);
        }
        assertTrue(lines.values().stream().anyMatch(count -> count > 1), "some history needs several lines");
    }

    @Test
    void recordsHaveEveryDocumentedField() {
        for (JsonNode record : EXPORT.records()) {
            assertEquals(RECORD_FIELDS, Generated.fieldNames(record));
            List.of("timestamp", "event_type", "asset_id", "asset_name").forEach(f -> Generated.assertText(record, f));
            assertTrue(record.get("event_labels").isArray() && record.get("event_labels").size() > 0, record.toString());
            assertTrue(record.get("asset_labels").isArray() && record.get("asset_labels").size() > 0, record.toString());
            record.get("event_labels").forEach(label -> assertTrue(label.isTextual(), record.toString()));
            assertTrue(record.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z"),
                    record.toString());
        }
    }

    @Test
    void historiesAreNewestFirst() {
        for (JsonNode line : EXPORT.pages()) {
            Instant previous = Instant.MAX;
            for (JsonNode record : line.get("history")) {
                Instant time = Instant.parse(record.get("timestamp").asText());
                assertTrue(time.isBefore(previous), time + " is not older than " + previous);
                previous = time;
            }
        }
    }

    @Test
    void manyUsersProgramsAndActions() {
        Set<String> users = new HashSet<>();
        Set<String> programs = new HashSet<>();
        Set<String> events = new HashSet<>();
        Set<String> timestamps = new HashSet<>();
        for (JsonNode line : EXPORT.pages()) {
            users.add(line.get("user_id").asText());
            programs.add(line.get("program_id").asText());
            line.get("history").forEach(record -> {
                events.add(record.get("event_type").asText());
                timestamps.add(record.get("timestamp").asText());
            });
        }
        assertTrue(users.size() >= 200, users.size() + " users");
        assertTrue(programs.size() >= 20, programs.size() + " programs");
        assertTrue(events.size() >= 12, events.size() + " event types");
        assertEquals(20_000, timestamps.size(), "every timestamp of the export is distinct");
    }
}
