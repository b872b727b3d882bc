package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyRejectionIsAWholeLineOnDiskBeforeTheFileIsClosed() throws IOException {
        Path path = dir.resolve("rejected.ndjson");
        String truncated = "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\",\"uid\":\"3fc";
        String noDate = "{\"event\":\"Login successful.\",\"uid\":\"3fc2e0a4\",\"aid\":\"1234\",\"ipAddress\":\"99.128.0.0/11\"}";
        try (DeadLetterFile file = new DeadLetterFile(path)) {
            assertFalse(Files.exists(path), "created on the first rejection only");

            file.reject(new Rejection("thousandeyes", "audit.ndjson", "record 2 (line 2, column 1)", "invalid JSON", truncated));
            List<String> lines = Files.readAllLines(path);
            assertEquals(1, lines.size());
            JsonNode first = JSON.readTree(lines.get(0));
            assertEquals("record 2 (line 2, column 1)", first.path("position").asText());
            assertEquals(truncated, first.path("original").asText());

            file.reject(new Rejection("thousandeyes", "audit.ndjson", "record 3 (line 3, column 1)", "missing date", noDate));
            lines = Files.readAllLines(path);
            assertEquals(2, lines.size());
            assertEquals("missing date", JSON.readTree(lines.get(1)).path("reason").asText());
            assertEquals(2, file.count());
        }
        assertEquals(2, Files.readAllLines(path).size());
    }
}
