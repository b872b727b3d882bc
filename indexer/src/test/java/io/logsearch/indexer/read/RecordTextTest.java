package io.logsearch.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.TestRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each record comes with its JSON text exactly as the export has it, for {@code event.original}:
 * from its opening to its closing brace, whitespace, escapes and number spellings untouched, and
 * always the text of that one object (so it parses back to the record).
 */
class RecordTextTest {

    private static final ExportLayout AUDIT = ExportLayout.recordsAt("auditEvents");
    private static final ExportLayout WRAPPED = ExportLayout.recordsAt("items").wrappedIn("event");

    private final List<SourceRecord> records = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private void read(String export, ExportLayout layout) throws IOException {
        read(export.getBytes(StandardCharsets.UTF_8), layout);
    }

    private void read(byte[] export, ExportLayout layout) throws IOException {
        ExportReader.read(new ByteArrayInputStream(export), layout, SourceContext.EMPTY, new ExportReader.Handler() {
            @Override
            public void record(SourceRecord record, SourceContext context, Position position) {
                records.add(record);
            }

            @Override
            public void problem(Position position, String reason, String text) {
                problems.add(text);
            }
        });
    }

    private List<String> texts() {
        return records.stream().map(r -> r.text().orElse("(none)")).toList();
    }

    /** The text is that of the record itself: it parses back to exactly the record's fields. */
    private void assertTextsAreTheRecords() throws IOException {
        for (SourceRecord record : records) {
            assertEquals(record.fields(), TestRecords.EXACT.readTree(record.text().orElseThrow()), record.text().get());
        }
    }

    @Test
    void ndjsonRecordsKeepTheirSpellingOfNumbersAndEscapes() throws IOException {
        String first = "{\"event\":\"caf\\u00e9 \\/ \\\"q\\\"\",\"n\":1e2,\"d\":1.50,\"z\":-0}";
        String second = "{ \"event\" : \"b\" }";
        read(first + "\n" + second + "\n", AUDIT);

        assertEquals(List.of(first, second), texts());
        assertTextsAreTheRecords();
    }

    @Test
    void recordsOfAPrettyPrintedPageKeepTheirLinesAndIndentation() throws IOException {
        String record = """
                {
                      "date": "2021-01-02T03:04:05Z",
                      "event": "Test deleted.",
                      "resources": [ { "type": "testName", "name": "x" } ]
                    }""";
        read("{\n  \"auditEvents\": [\n    " + record + ",\n    {\"event\":\"b\"}\n  ],\n  \"startDate\": \"x\"\n}\n", AUDIT);

        assertEquals(List.of(record, "{\"event\":\"b\"}"), texts());
        assertTextsAreTheRecords();
    }

    @Test
    void recordsOfArraysAndOfConcatenatedPagesHaveTheirOwnText() throws IOException {
        String a = "{\"event\":\"a\"}";
        String b = "{\"event\":\"b\",\"x\":[1,{\"y\":2}]}";
        String c = "{\"event\":\"c\"}";
        read("[" + a + ", " + b + "]{\"auditEvents\":[" + c + "]}{\"auditEvents\":[]}", AUDIT);

        assertEquals(List.of(a, b, c), texts());
        assertTextsAreTheRecords();
    }

    @Test
    void recordsAfterADamagedOneStillHaveExactlyTheirText() throws IOException {
        String d = "{\"event\":\"d\",\"n\":2.0}";
        String f = "{\"event\":\"f\"}";
        read("{\"auditEvents\":[{\"event\":\"a\"},{\"event\":\"c\" \"uid\":1}," + d + ", oops, " + f + "]}\n", AUDIT);

        assertEquals(List.of("{\"event\":\"a\"}", d, f), texts());
        assertEquals(List.of("{\"event\":\"c\" \"uid\":1}", "oops"), problems);
        assertTextsAreTheRecords();
    }

    @Test
    void aWrappedRecordsTextIsTheWrappedObject() throws IOException {
        String first = "{\"id\":1,\"detail\":\"<predicate>viewed</predicate>\"}";
        String last = "{\"id\":3}";
        read("{\"items\":[{ \"event\" : " + first + " },{\"event\":{\"id\":2},\"event\":" + last + "}]}", WRAPPED);

        assertEquals(List.of(first, last), texts(), "a repeated wrapper field: the last one, as in the record's fields");
        assertTextsAreTheRecords();
    }

    @Test
    void anItemThatIsMoreThanItsWrapperIsItsOwnRecordAndText() throws IOException {
        String item = "{\"event\":{\"id\":2},\"id\":3}";
        String scalarWrapper = "{\"event\":\"viewed\"}";
        read("{\"items\":[" + item + "," + scalarWrapper + "]}", WRAPPED);

        assertEquals(List.of(item, scalarWrapper), texts());
        assertTextsAreTheRecords();
    }

    @Test
    void textBeyondAsciiIsKept() throws IOException {
        String record = "{\"message\":\"操作成功\",\"user\":\"Søren (s@x.com)\",\"e\":\"😀\"}";
        read("{\"auditEvents\":[" + record + "]}", AUDIT);

        assertEquals(List.of(record), texts());
        assertTextsAreTheRecords();
    }

    @Test
    void recordsOfInputsReadAsCharactersComeWithoutText() throws IOException {
        read("{\"auditEvents\":[{\"event\":\"a\"},{\"event\":\"b\"}]}".getBytes(Charset.forName("UTF-16")), AUDIT);

        assertEquals(List.of("a", "b"), records.stream().map(r -> r.fields().path("event").asText()).toList());
        assertEquals(List.of(Optional.empty(), Optional.empty()), records.stream().map(SourceRecord::text).toList());
        assertEquals("{\"event\":\"a\"}", records.get(0).originalText(), "written back compactly instead");
    }

    @Test
    void aRecordTooLargeToRetainComesWithoutTextAndTheNextWithIts() throws IOException {
        String large = "{\"event\":\"" + "x".repeat(RetainingInputStream.MAX_RETAINED + 1024) + "\"}";
        String next = "{\"event\":\"b\"}";
        read(large + "\n" + next + "\n", AUDIT);

        assertEquals(2, records.size());
        assertTrue(records.get(0).text().isEmpty());
        assertEquals(Optional.of(next), records.get(1).text());
        assertEquals(large, records.get(0).originalText());
    }
}
