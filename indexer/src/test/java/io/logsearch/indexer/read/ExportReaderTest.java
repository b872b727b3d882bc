package io.logsearch.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExportReaderTest {

    private static final ExportLayout AUDIT = ExportLayout.recordsAt("auditEvents");
    private static final ExportLayout POOLED = ExportLayout.recordsAt("data", "list")
            .withContext(Map.of("userPoolId", SourceContext.USER_POOL_ID));
    private static final ExportLayout WRAPPED = ExportLayout.recordsAt("items").wrappedIn("event");

    private record Found(ObjectNode record, SourceContext context, Position position) {
    }

    private record Problem(Position position, String reason, String text) {
    }

    private final List<Found> records = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private void read(String text, ExportLayout layout) throws IOException {
        read(text.getBytes(StandardCharsets.UTF_8), layout, SourceContext.EMPTY);
    }

    private void read(byte[] bytes, ExportLayout layout, SourceContext context) throws IOException {
        ExportReader.read(new ByteArrayInputStream(bytes), layout, context, new ExportReader.Handler() {
            @Override
            public void record(ObjectNode record, SourceContext ctx, Position position) {
                records.add(new Found(record, ctx, position));
            }

            @Override
            public void problem(Position position, String reason, String text) {
                problems.add(new Problem(position, reason, text));
            }
        });
    }

    private List<String> field(String name) {
        return records.stream().map(f -> f.record().path(name).asText()).collect(Collectors.toList());
    }

    @Test
    void ndjsonRecordsAreReadInOrderWithTheirLines() throws IOException {
        read("{\"event\":\"a\"}\n{\"event\":\"b\"}\n\n{\"event\":\"c\"}\n", AUDIT);
        assertEquals(List.of("a", "b", "c"), field("event"));
        assertEquals(List.of(1L, 2L, 4L), records.stream().map(f -> f.position().line()).toList());
        assertEquals(List.of(1L, 2L, 3L), records.stream().map(f -> f.position().record()).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void aJsonArrayOfRecordsIsRead() throws IOException {
        read("[{\"event\":\"a\"},\n {\"event\":\"b\"}]", AUDIT);
        assertEquals(List.of("a", "b"), field("event"));
        assertEquals(2L, records.get(1).position().line());
    }

    @Test
    void vendorBodiesConcatenatedOrOnePerLineYieldTheirRecords() throws IOException {
        String page1 = "{\"auditEvents\":[{\"event\":\"a\"},{\"event\":\"b\"}],\"startDate\":\"x\",\"_links\":{\"next\":{\"href\":\"n\"}}}";
        String page2 = "{\n  \"auditEvents\": [\n    {\"event\": \"c\"}\n  ]\n}";
        read(page1 + "\n" + page2 + page1, AUDIT);
        assertEquals(List.of("a", "b", "c", "a", "b"), field("event"));
        assertEquals(4L, records.get(2).position().line());
        assertEquals(List.of(), problems);
    }

    @Test
    void aNestedRecordsPathIsFollowedAndOtherFieldsIgnored() throws IOException {
        read("{\"statusCode\":200,\"message\":\"\",\"data\":{\"totalCount\":2,\"list\":[{\"eventType\":\"login\"},{\"eventType\":\"logout\"}]}}",
                POOLED);
        assertEquals(List.of("login", "logout"), field("eventType"));
    }

    @Test
    void contextBeforeTheRecordsReachesThem() throws IOException {
        read("{\"userPoolId\":\"pool-1\",\"data\":{\"list\":[{\"eventType\":\"login\"}]}}", POOLED);
        assertEquals("pool-1", records.get(0).context().get(SourceContext.USER_POOL_ID).orElseThrow());
    }

    @Test
    void contextAfterTheRecordsStillReachesThem() throws IOException {
        read("{\"data\":{\"list\":[{\"eventType\":\"login\"},{\"eventType\":\"logout\"}]},\"userPoolId\":\"pool-2\"}", POOLED);
        assertEquals(2, records.size());
        records.forEach(f -> assertEquals("pool-2", f.context().get(SourceContext.USER_POOL_ID).orElseThrow()));
    }

    @Test
    void wrapperContextOverridesTheCallersAndCallersFillsTheRest() throws IOException {
        read("{\"userPoolId\":\"from-file\",\"data\":{\"list\":[{\"eventType\":\"login\"}]}}".getBytes(StandardCharsets.UTF_8),
                POOLED, new SourceContext(Map.of(SourceContext.USER_POOL_ID, "from-flag", "other", "kept")));
        SourceContext context = records.get(0).context();
        assertEquals("from-file", context.get(SourceContext.USER_POOL_ID).orElseThrow());
        assertEquals("kept", context.get("other").orElseThrow());
    }

    @Test
    void itemWrappersAreUnwrappedInBodiesAndArrays() throws IOException {
        read("{\"total_entries\":1,\"items\":[{\"event\":{\"id\":1}}]}\n[{\"event\":{\"id\":2}},{\"id\":3}]", WRAPPED);
        assertEquals(List.of("1", "2", "3"), field("id"));
    }

    @Test
    void aSingleRecordObjectIsOneRecord() throws IOException {
        read("{\"event\":\"Login failed.\",\"date\":\"2020-07-17T22:00:54Z\"}", AUDIT);
        assertEquals(List.of("Login failed."), field("event"));
    }

    @Test
    void numbersKeepTheirWrittenValue() throws IOException {
        read("{\"a\":1.10,\"b\":12345678901234567890,\"c\":1e2}", AUDIT);
        assertEquals("{\"a\":1.10,\"b\":12345678901234567890,\"c\":1E+2}", records.get(0).record().toString());
    }

    @Test
    void aTruncatedLineIsReportedAndTheNextLinesAreStillRead() throws IOException {
        read("{\"event\":\"a\"}\n{\"event\":\"b\",\"date\":\"2020\n{\"event\":\"c\"}\n", AUDIT);
        assertEquals(List.of("a", "c"), field("event"));
        assertEquals(1, problems.size());
        Problem p = problems.get(0);
        assertEquals(2L, p.position().line());
        assertTrue(p.reason().startsWith("invalid JSON"), p.reason());
        assertTrue(p.text().startsWith("{\"event\":\"b\""), p.text());
        assertEquals(3L, records.get(1).position().line());
    }

    @Test
    void aFileCutOffMidRecordKeepsTheRecordsBeforeIt() throws IOException {
        read("{\"auditEvents\":[{\"event\":\"a\"},{\"event\":\"b\"},{\"event\":\"c", AUDIT);
        assertEquals(List.of("a", "b"), field("event"));
        assertEquals(1, problems.size());
        assertEquals(3L, problems.get(0).position().record());
        assertEquals("{\"event\":\"c", problems.get(0).text());
    }

    @Test
    void aBrokenRecordInAPrettyPrintedArrayDoesNotLoseTheRecordsAfterIt() throws IOException {
        read("[\n{\"event\":\"a\"},\n{\"event\": tru},\n{\"event\":\"c\"},\n{\"event\":\"d\"}\n]\n", AUDIT);
        assertEquals(List.of("a", "c", "d"), field("event"));
        assertEquals(1, problems.size());
        assertEquals(3L, problems.get(0).position().line());
    }

    @Test
    void invalidUtf8IsReportedAndTheRestIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"event\":\"a\"}\n{\"event\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\"}\n{\"event\":\"c\"}\n".getBytes(StandardCharsets.UTF_8));
        read(bytes.toByteArray(), AUDIT, SourceContext.EMPTY);
        assertEquals(List.of("a", "c"), field("event"));
        assertEquals(1, problems.size());
        assertEquals(2L, problems.get(0).position().line());
    }

    @Test
    void deepNestingIsRefusedWithoutHarm() throws IOException {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        read("{\"event\":\"a\"}\n" + deep + "\n{\"event\":\"c\"}\n", AUDIT);
        assertEquals(List.of("a", "c"), field("event"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).reason().contains("nesting depth"), problems.get(0).reason());
    }

    @Test
    void aHugeFieldIsRefusedAndTheNextRecordRead() throws IOException {
        String huge = "{\"event\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        read("{\"event\":\"a\"}\n" + huge + "\n{\"event\":\"c\"}\n", AUDIT);
        assertEquals(List.of("a", "c"), field("event"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).text().length() <= ExportReader.MAX_PROBLEM_TEXT + 16, "problem text is capped");
    }

    @Test
    void anEmptyInputHasNoRecordsAndNoProblems() throws IOException {
        read("", AUDIT);
        read("  \n\n", AUDIT);
        assertEquals(List.of(), records);
        assertEquals(List.of(), problems);
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        bytes.writeBytes("[{\"event\":\"a\"}]".getBytes(StandardCharsets.UTF_8));
        read(bytes.toByteArray(), AUDIT, SourceContext.EMPTY);
        assertEquals(List.of("a"), field("event"));
        assertEquals(List.of(), problems);
    }

    @Test
    void valuesThatAreNotRecordsAreReportedNotDropped() throws IOException {
        read("\"just text\"\n[1, {\"event\":\"a\"}]\n{\"auditEvents\":\"oops\"}\n{\"auditEvents\":null}\n", AUDIT);
        assertEquals(List.of("a"), field("event"));
        assertEquals(3, problems.size());
        assertEquals("\"just text\"", "\"" + problems.get(0).text() + "\"");
        assertEquals("1", problems.get(1).text());
        assertTrue(problems.get(2).reason().contains("'auditEvents' should be an array"), problems.get(2).reason());
    }
}
