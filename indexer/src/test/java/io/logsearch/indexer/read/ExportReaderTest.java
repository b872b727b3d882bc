package io.logsearch.indexer.read;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.actionhub.ActionHubSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExportReaderTest {

    private static final ExportLayout AUDIT = ExportLayout.recordsAt("auditEvents");
    private static final ExportLayout POOLED = ExportLayout.recordsAt("data", "list")
            .withContext(Map.of("userPoolId", SourceContext.USER_POOL_ID));
    private static final ExportLayout WRAPPED = ExportLayout.recordsAt("items").wrappedIn("event");
    private static final ActionHubSource ACTIONHUB = new ActionHubSource();
    private static final ExportLayout HISTORY = ACTIONHUB.layout();

    /** A ThousandEyes audit event as the vendor documents it, with its event text filled in. */
    private static final String AUDIT_EVENT = "{\"accountGroupName\":\"API Sandbox\",\"aid\":\"1234\",\"date\":\"2020-07-17T22:00:54Z\","
            + "\"event\":\"%s\",\"ipAddress\":\"99.128.0.0/11\",\"uid\":\"1234\",\"user\":\"API Sandbox User (noreply@thousandeyes.com)\"}";
    /** An ActionHub history record as the vendor documents it. */
    private static final String HISTORY_RECORD = "{\"timestamp\":\"2024-03-05T14:07:%02d.345Z\",\"event_type\":\"viewed\","
            + "\"asset_id\":\"asset-%d\",\"asset_name\":\"Welcome video\",\"event_labels\":[\"onboarding\"],\"asset_labels\":[\"video\"]}";

    @TempDir
    Path dir;

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
        read(bytes, layout, context, () -> { });
    }

    /** Reads, calling {@code onRecord} as each record arrives, before it is collected. */
    private void read(byte[] bytes, ExportLayout layout, SourceContext context, Runnable onRecord) throws IOException {
        read(bytes, layout, context, onRecord, SpoolingInputStream.TEMPORARY);
    }

    private void read(byte[] bytes, ExportLayout layout, SourceContext context, Runnable onRecord, SpoolingInputStream.SpoolFile spool)
            throws IOException {
        ExportReader.read(new ByteArrayInputStream(bytes), layout, context, new ExportReader.Handler() {
            @Override
            public void record(SourceRecord record, SourceContext ctx, Position position) {
                onRecord.run();
                records.add(new Found(record.fields(), ctx, position));
            }

            @Override
            public void problem(Position position, String reason, String text) {
                problems.add(new Problem(position, reason, text));
            }
        }, spool);
    }

    private static String audit(String event) {
        return AUDIT_EVENT.formatted(event);
    }

    private static String history(int i) {
        return HISTORY_RECORD.formatted(i % 60, i);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static SourceContext context(String userId, String programId) {
        return new SourceContext(Map.of(SourceContext.USER_ID, userId, SourceContext.PROGRAM_ID, programId));
    }

    private List<String> contexts() {
        return records.stream().map(f -> f.context().get(SourceContext.USER_ID).orElse("-") + "/"
                + f.context().get(SourceContext.PROGRAM_ID).orElse("-")).toList();
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

    // --- context that follows the records: streamed from disk, never held (A) ---

    @Test
    void aPageWhoseContextFollowsItsRecordsIsSpooledToDiskAndItsRecordsAreParsedFromThereOneByOne() throws IOException {
        int count = 20_000;
        String history = IntStream.range(0, count).mapToObj(ExportReaderTest::history).collect(Collectors.joining(","));
        byte[] page = bytes("{\"history\":[", history, "],\"program_id\":\"program-7\",\"user_id\":\"42\"}\n");
        Path spoolPath = dir.resolve("spool");
        List<FileChannel> opened = new ArrayList<>();
        SpoolingInputStream.SpoolFile visibleSpool = () -> {
            opened.add(FileChannel.open(spoolPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE));
            return opened.get(0);
        };
        read(page, HISTORY, SourceContext.EMPTY, () -> {
            if (records.isEmpty()) {
                assertTrue(spoolPath.toFile().length() > page.length - 64 * 1024, "the page is on disk before its first record is handed over");
                overwriteLast(spoolPath, "asset-" + (count - 1), "asset-SPOOL");
            }
        }, visibleSpool);

        assertEquals(count, records.size());
        assertEquals(List.of("42/program-7"), contexts().stream().distinct().toList());
        assertEquals(List.of(), problems);
        // the last record was parsed from the spool after the first had been handed over: the page was never held in memory
        assertEquals("asset-SPOOL", records.get(count - 1).record().path("asset_id").asText());
        assertEquals(1, opened.size());
        assertFalse(opened.get(0).isOpen(), "the spool is closed when reading ends");
    }

    private static void overwriteLast(Path file, String text, String replacement) {
        try {
            String content = Files.readString(file, StandardCharsets.ISO_8859_1);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(replacement.getBytes(StandardCharsets.ISO_8859_1)), content.lastIndexOf(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPageWithoutItsContextIsStreamedAndItsRecordsAreRejectedForTheMissingContext() throws IOException {
        read(bytes("{\"history\":[", history(1), ",", history(2), "]}\n"), HISTORY, SourceContext.EMPTY);
        assertEquals(List.of("-/-", "-/-"), contexts());
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> ACTIONHUB.normalize(withoutText(records.get(0).record()), records.get(0).context()));
        assertTrue(rejected.getMessage().startsWith("missing context 'userId'"), rejected.getMessage());
    }

    @Test
    void contextOnlyPartlyBeforeTheRecordsIsCompletedFromAfterThem() throws IOException {
        read(bytes("{\"user_id\":\"42\",\"history\":[", history(1), "],\"_links\":{\"user_id\":\"nested, not context\"},\"program_id\":\"p\"}\n"),
                HISTORY, SourceContext.EMPTY);
        assertEquals(List.of("42/p"), contexts());
    }

    // --- one rule for context, whatever the key order (C) ---

    @Test
    void theBodysOwnContextWinsOverFlagsWhateverItsKeyOrder() throws IOException {
        String after = "{\"history\":[" + history(1) + "],\"user_id\":\"42\",\"program_id\":\"program-7\"}\n";
        String before = "{\"user_id\":\"42\",\"program_id\":\"program-7\",\"history\":[" + history(1) + "]}\n";
        read(bytes(after, before), HISTORY, context("99", "program-9"));
        assertEquals(List.of("42/program-7", "42/program-7"), contexts());
        List<String> withFlags = records.stream().map(f -> ACTIONHUB.normalize(withoutText(f.record()), f.context()).id()).toList();

        records.clear();
        read(bytes(after, before), HISTORY, SourceContext.EMPTY);
        List<String> withoutFlags = records.stream().map(f -> ACTIONHUB.normalize(withoutText(f.record()), f.context()).id()).toList();

        assertEquals(withFlags.get(0), withFlags.get(1), "both key orders give the same event id");
        assertEquals(withFlags, withoutFlags, "flags the body overrides do not change event ids");
    }

    @Test
    void flagsFillInWhatTheBodyLacksWhateverItsKeyOrder() throws IOException {
        read(bytes("{\"history\":[", history(1), "],\"user_id\":\"42\"}\n{\"program_id\":\"program-7\",\"history\":[", history(2), "]}\n"),
                HISTORY, context("99", "program-9"));
        assertEquals(List.of("42/program-9", "99/program-7"), contexts());
    }

    // --- a damaged record costs only itself (B) ---

    static Stream<byte[]> damagedThirdRecords() {
        return Stream.of(
                bytes("{\"event\":\"c", new byte[] {(byte) 0xC3, 0x28}, "\",\"date\":\"2020-07-17T22:00:54Z\"}"),
                bytes("{\"event\":\"c\" \"date\":\"2020-07-17T22:00:54Z\",\"uid\":\"3\"}"),
                bytes("{\"event\":\"c\",\"aid\":tru,\"resources\":[{\"name\":\"x]\",\"type\":\"testName\"}]}"),
                bytes("{\"event\":\"c\u0001\"}"));
    }

    @ParameterizedTest
    @MethodSource("damagedThirdRecords")
    void aDamagedRecordInAOnePageLineIsReportedAloneAndTheRecordsAfterItAreRead(byte[] damaged) throws IOException {
        String head = "{\"auditEvents\":[" + audit("a") + "," + audit("b") + ",";
        byte[] page = bytes(head, damaged, ",", audit("d"), ",", audit("e"), ",", audit("f"), "],\"_links\":{\"next\":{\"href\":\"n\"}}}\n",
                "{\"auditEvents\":[", audit("g"), "]}\n");
        read(page, AUDIT, SourceContext.EMPTY);

        assertEquals(List.of("a", "b", "d", "e", "f", "g"), field("event"));
        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(new Position(3, 1, head.length() + 1), problem.position());
        assertEquals(new String(damaged, StandardCharsets.UTF_8), problem.text());
        assertTrue(problem.reason().startsWith("invalid JSON at line 1, column "), problem.reason());
        int dAt = head.length() + damaged.length + 1;
        assertEquals(new Position(4, 1, dAt + 1), records.get(2).position());
        assertEquals(new Position(7, 2, 17), records.get(5).position());
    }

    @Test
    void severalDamagedRecordsOnOneLineAreEachReportedWithTheirOwnText() throws IOException {
        String broken2 = "{\"event\":\"b\" \"uid\":\"2\"}";
        String broken5 = "{\"event\":\"e\",\"uid\":2x}";
        read("{\"auditEvents\":[" + String.join(",", audit("a"), broken2, audit("c"), audit("d"), broken5, audit("f")) + "]}", AUDIT);
        assertEquals(List.of("a", "c", "d", "f"), field("event"));
        assertEquals(List.of(broken2, broken5), problems.stream().map(Problem::text).toList());
        assertEquals(List.of(2L, 5L), problems.stream().map(p -> p.position().record()).toList());
    }

    @Test
    void aDamagedRecordKeepsItsBodysContextForTheRecordsAfterIt() throws IOException {
        read(bytes("{\"history\":[", history(1), ",{\"timestamp\":\"2024-03-05T14:07:12Z\" \"event_type\":\"x\"},", history(3),
                "],\"program_id\":\"program-7\",\"user_id\":\"42\"}\n"), HISTORY, SourceContext.EMPTY);
        assertEquals(List.of("asset-1", "asset-3"), field("asset_id"));
        assertEquals(List.of("42/program-7", "42/program-7"), contexts());
        assertEquals(1, problems.size());
    }

    @Test
    void textBetweenRecordsIsReportedAndAMissingCommaLosesNothing() throws IOException {
        read("[" + audit("a") + " " + audit("b") + ", oops, " + audit("c") + "]\n", AUDIT);
        assertEquals(List.of("a", "b", "c"), field("event"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("oops", problems.get(0).text());
        assertEquals(0L, problems.get(0).position().record());
    }

    @Test
    void anUnclosedStringInAOnePageLineCostsOnlyItsRecordWhenTheNextRecordBeginsAsTheOthersDo() throws IOException {
        String head = "{\"auditEvents\":[" + audit("a") + ",";
        String damaged = "{\"accountGroupName\":\"b, \"aid\":\"1\"}";
        read(head + damaged + ", " + audit("c") + "]}\n{\"auditEvents\":[" + audit("d") + "]}\n", AUDIT);
        assertEquals(List.of("a", "c", "d"), field("event"));
        assertEquals(List.of(new Position(2, 1, head.length() + 1)), problems.stream().map(Problem::position).toList());
        assertEquals(damaged, problems.get(0).text());
        assertEquals(new Position(3, 1, head.length() + damaged.length() + 3), records.get(1).position());
    }

    @Test
    void aPageCutOffMidRecordCostsThatRecordAndTheNextPageIsReadWhole() throws IOException {
        String cut = "{\"auditEvents\":[" + audit("a") + ",{\"event\":\"b\",\"uid\":12";
        read(cut + "\n{\"auditEvents\":[" + audit("c") + "," + audit("d") + "]}\n", AUDIT);
        assertEquals(List.of("a", "c", "d"), field("event"));
        assertEquals(List.of(new Problem(new Position(2, 1, cut.indexOf("{\"event\":\"b") + 1),
                "invalid JSON at line 2, column 1: Unexpected character ('{' (code 123)): was expecting comma to separate Object entries",
                "{\"event\":\"b\",\"uid\":12")), problems);
        assertEquals(new Position(3, 2, 17), records.get(1).position());
    }

    @Test
    void aDamagedFirstRecordOfAPageAsJacksonPrettyPrintsItCostsOnlyItself() throws IOException {
        String page = "{\n  \"auditEvents\" : [ {\n    \"event\" : \"a\",\n    \"uid\" : ,\n    \"aid\" : \"1\"\n  }, {\n"
                + "    \"event\" : \"b\"\n  } ]\n}\n";
        read(page, AUDIT);
        assertEquals(List.of("b"), field("event"));
        assertEquals(List.of(new Position(1, 2, 21)), problems.stream().map(Problem::position).toList());
        assertEquals(new Position(2, 6, 6), records.get(0).position());
    }

    @Test
    void aDamagedRecordOfAnArrayWithARecordPerLineCostsOnlyItself() throws IOException {
        read("[" + audit("a") + ",\n{\"event\":\"b\",\"uid\":\"2},\n" + audit("c") + ",\n" + audit("d") + "]\n", AUDIT);
        assertEquals(List.of("a", "c", "d"), field("event"));
        assertEquals(List.of(new Position(2, 2, 1)), problems.stream().map(Problem::position).toList());
        assertEquals(new Position(3, 3, 1), records.get(1).position());
    }

    @Test
    void anUnclosedStringInAPrettyPrintedPageCostsItsLineAndTheRestKeepsTheContext() throws IOException {
        String page = "{\n  \"user_id\": \"42\",\n  \"program_id\": \"program-7\",\n  \"history\": [\n    " + history(1)
                + ",\n    {\"timestamp\": \"2024-03-05T14:07\n    ," + history(3) + "\n  ],\n  \"statusCode\": 200\n}\n";
        read(page, HISTORY);
        assertEquals(List.of("asset-1", "asset-3"), field("asset_id"));
        assertEquals(List.of("42/program-7", "42/program-7"), contexts());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(new Position(2, 6, 5), problems.get(0).position());
    }

    @Test
    void filesWithByteOrderMarksConcatenatedAreReadWhole() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String a = "{\"auditEvents\":[" + audit("a") + "]}";
        String b = "{\"auditEvents\":[" + audit("b") + "," + audit("c") + "]}";
        read(bytes(bom, a, "\n", bom, b, "\n", bom, "[", audit("d"), "]", bom, "\n", audit("e")), AUDIT, SourceContext.EMPTY);
        assertEquals(List.of("a", "b", "c", "d", "e"), field("event"));
        assertEquals(List.of(), problems);
        assertEquals(new Position(2, 2, 20), records.get(1).position());
    }

    // --- a truncated input repeats no record (G) ---

    @Test
    void anInputCutOffAfterACompleteRecordReportsWhereItEndsAndRepeatsNoRecord() throws IOException {
        String cut = "{\"auditEvents\":[" + audit("a");
        read(cut, AUDIT);
        read(cut + ",\n  ", AUDIT);
        assertEquals(List.of("a", "a"), field("event"));
        assertEquals(List.of(new Problem(new Position(0, 1, cut.length() + 1),
                                "truncated: the input ends at line 1, column " + (cut.length() + 1) + " inside a records array", ""),
                        new Problem(new Position(0, 1, cut.length() + 2), "truncated or damaged: line 1 ends inside the records array that opens on it", "")),
                problems);
    }

    @Test
    void aDamagedRecordThatSeemsToCloseAtTheEndOfItsLineDoesNotTakeTheNextPageForARecord() throws IOException {
        // the missing quote before t turns strings inside out; the scan seems to close the record with the line's last brace
        read("{\"auditEvents\":[{\"event\":\"a\"},{\"uid\":t\",\"event\":\"x\"}],\"note\":\"\\\"q\\\"\"}\n{\"auditEvents\":[{\"event\":\"d\"}]}\n",
                AUDIT);
        assertEquals(List.of("a", "d"), field("event"));
        assertEquals(List.of(2L, 0L), problems.stream().map(p -> p.position().record()).toList());
        assertEquals(new Position(3, 2, 17), records.get(1).position());
    }
}
