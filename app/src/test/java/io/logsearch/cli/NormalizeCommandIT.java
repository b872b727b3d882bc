package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.indexer.ecs.EventIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code normalize} and {@code generate} need no Elasticsearch: their output is checked as bulk NDJSON and vendor pages. */
class NormalizeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) throws Exception {
        Path output = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = Launcher.command(Map.of(), output, args).directory(dir.toFile()).redirectErrorStream(false);
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(expectedExit, process.exitValue(), Files.readString(dir.resolve("err.txt")));
        return Files.readString(output);
    }

    @Test
    void generatedPagesNormaliseToCreateActionsWithIndexAndId() throws Exception {
        String pages = run(0, "generate", "--source", "onehub", "--events", "45", "--seed", "3", "--until", "2024-02-01T00:00:00Z");
        assertEquals(pages, run(0, "generate", "--source", "onehub", "--events", "45", "--seed", "3", "--until", "2024-02-01T00:00:00Z"),
                "the same seed gives the same export");
        List<String> lines = pages.lines().toList();
        assertEquals(2, lines.size(), "45 events are two pages of 30");
        assertEquals(30, JSON.readTree(lines.get(0)).get("items").size());
        Path export = dir.resolve("onehub.ndjson");
        Files.writeString(export, pages);

        List<String> bulk = run(0, "normalize", "--source", "onehub", "--index", "audit", export.toString()).lines().toList();
        assertEquals(90, bulk.size());
        for (int i = 0; i < bulk.size(); i += 2) {
            JsonNode action = JSON.readTree(bulk.get(i)).get("create");
            JsonNode document = JSON.readTree(bulk.get(i + 1));
            assertTrue(action.get("_index").asText().matches("audit-2024\\.0[12]\\.\\d\\d"), action.toString());
            assertEquals(EventIds.namespacedId("onehub", document.at("/organization/id").asText(), document.at("/event/id").asText()),
                    action.get("_id").asText(), "a vendor id is namespaced by source and workspace");
            assertEquals("onehub", document.at("/event/provider").asText());
        }
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("read=45 written=45 rejected=0"));
    }

    @Test
    void rejectedRecordsGoToTheDeadLetterAndExitThree() throws Exception {
        Path export = dir.resolve("te.ndjson");
        Files.writeString(export, "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\"}\n{\"event\":\"no date\"}\n");
        Path deadLetter = dir.resolve("rejected.ndjson");
        String bulk = run(3, "normalize", "--source", "thousandeyes", "--dead-letter", deadLetter.toString(), export.toString());
        assertEquals(2, bulk.lines().count());
        JsonNode rejection = JSON.readTree(Files.readAllLines(deadLetter).get(0));
        assertEquals("thousandeyes", rejection.get("source").asText());
        assertEquals("record 2 (line 2, column 1)", rejection.get("position").asText());
        assertTrue(rejection.get("reason").asText().contains("date"));
        assertEquals("{\"event\":\"no date\"}", rejection.get("original").asText());
    }

    @Test
    void anExportOfAnotherSourceIsCountedInRecordsAndTheHintNamesItsSource() throws Exception {
        Path export = dir.resolve("history.ndjson");
        Files.writeString(export, run(0, "generate", "--source", "actionhub", "--events", "50", "--seed", "4"));
        String bulk = run(3, "normalize", "--source", "thousandeyes", "--dead-letter", dir.resolve("rejected.ndjson").toString(),
                export.toString());
        assertEquals("", bulk);
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue(err.contains("read=50 written=0 rejected=50"), err);
        assertTrue(err.contains(export + ": 50 of 50 records were rejected as thousandeyes; these look like actionhub records;"
                + " try --source actionhub"), err);
        assertEquals(50, Files.readAllLines(dir.resolve("rejected.ndjson")).size());
    }

    @Test
    void unknownSourcesAndMissingFilesAreUsageErrors() throws Exception {
        run(2, "normalize", "--source", "splunk", "x.json");
        run(2, "normalize", "--source", "thousandeyes", dir.resolve("missing.json").toString());
        run(2, "generate", "--source", "ecs", "--events", "1");
    }
}
