package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.indexer.sources.TestRecords;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code event.original} of a loaded event, and the original of a rejected record, are the record's
 * text exactly as the export has it: one JSON object, which the vendor facades give back as it was.
 */
class OriginalTextTest {

    private final List<NormalizedEvent> events = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    private void load(String source, String export) {
        EventSink collect = new EventSink() {
            @Override
            public void write(NormalizedEvent event, RecordOrigin origin) {
                events.add(event);
            }

            @Override
            public void close() {
            }
        };
        byte[] bytes = export.getBytes(StandardCharsets.UTF_8);
        new Pipeline(Sources.byId(source), SourceContext.EMPTY, collect, rejections::add, new LoadCounters())
                .read(ExportInput.of("export", () -> new ByteArrayInputStream(bytes)));
    }

    @Test
    void eventOriginalIsTheRecordAsWrittenInThePrettyPrintedExport() throws Exception {
        String record = """
                {
                      "date": "2021-01-02T03:04:05Z",
                      "event": "Login failed.",
                      "latency": 1e2,
                      "user": "Søren Rossi (soren@example.com)",
                      "note": "caf\\u00e9 \\/"
                    }""";
        load("thousandeyes", "{\n  \"auditEvents\": [\n    " + record + "\n  ]\n}\n");

        assertEquals(1, events.size(), rejections.toString());
        String original = events.get(0).document().at("/event/original").asText();
        assertEquals(record, original);
        JsonNode parsed = TestRecords.EXACT.readTree(original);
        assertEquals("1E+2", parsed.get("latency").toString(), "one object, numbers as exact as written");
        assertEquals("failure", events.get(0).document().at("/event/outcome").asText());
    }

    @Test
    void aWrappedOnehubRecordsOriginalIsTheWrappedObject() {
        String record = "{\"id\":\"7\", \"updated_at\":\"2024-01-01T00:00:00Z\", \"detail\":\"<subject>A</subject> <predicate>viewed</predicate> x\"}";
        load("onehub", "{\"items\":[{\"event\": " + record + "}]}");

        assertEquals(record, events.get(0).document().at("/event/original").asText());
    }

    @Test
    void aRejectedRecordKeepsItsTextAsWrittenAndTheNextIsLoaded() {
        String rejected = "{ \"event\": \"Login failed.\", \"date\": \"yesterday\" }";
        load("thousandeyes", "{\"auditEvents\":[" + rejected + ",{\"date\":\"2021-01-02T03:04:05Z\",\"event\":\"x\"}]}");

        assertEquals(1, events.size());
        assertEquals(1, rejections.size());
        assertEquals(rejected, rejections.get(0).original());
        assertEquals("'date' is not an ISO-8601 date-time or epoch milliseconds: yesterday", rejections.get(0).reason());
    }
}
