package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real generated exports of each source read as each other source: records are counted, and the hint names the right source. */
class WrongSourceTest {

    private static final List<String> VENDORS = List.of("actionhub", "thousandeyes", "onehub", "authing");

    @TempDir
    Path dir;

    static Stream<Arguments> wrongSources() {
        return VENDORS.stream().flatMap(export -> Sources.all().stream()
                .map(Source::id)
                .filter(id -> !id.equals(export))
                .map(wrong -> Arguments.of(export, wrong)));
    }

    private record Outcome(LoadCounters counters, List<Rejection> rejections, List<NormalizedEvent> events) {
    }

    private Outcome read(Path file, String sourceId) throws IOException {
        LoadCounters counters = new LoadCounters();
        List<Rejection> rejections = new ArrayList<>();
        List<NormalizedEvent> events = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void write(NormalizedEvent event, RecordOrigin origin) {
                events.add(event);
                counters.indexed.incrementAndGet();
            }

            @Override
            public void close() {
            }
        };
        new Pipeline(Sources.byId(sourceId), SourceContext.EMPTY, sink, rejections::add, counters).read(ExportInput.file(file));
        return new Outcome(counters, rejections, events);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("wrongSources")
    void aWrongSourceCountsRecordsNotPagesAndNamesTheSourceTheyLookLike(String exportSource, String wrongSource) throws IOException {
        Path file = Exports.generate(dir, exportSource, 120, 5);
        long pages = Files.readAllLines(file).size();

        Outcome outcome = read(file, wrongSource);

        assertEquals(120, outcome.counters().read(), "records, not the " + pages + " pages");
        assertEquals(120, outcome.rejections().size());
        assertEquals(List.of(file + ": 120 of 120 records were rejected as " + wrongSource + "; these look like " + exportSource
                + " records; try --source " + exportSource), outcome.counters().hints());
        assertEquals(List.of(), outcome.rejections().stream().map(Rejection::position).filter(p -> !p.startsWith("record ")).toList());
    }

    @Test
    void theRightSourceGetsNoHintAndAFewBadRecordsDoNotMakeOne() throws IOException {
        Path file = Exports.generate(dir, "thousandeyes", 120, 5);
        assertEquals(List.of(), read(file, "thousandeyes").counters().hints());

        Path mixed = dir.resolve("mixed.ndjson");
        Files.writeString(mixed, Files.readString(file) + Files.readString(Exports.generate(dir, "actionhub", 40, 5)));
        Outcome outcome = read(mixed, "thousandeyes");
        assertEquals(160, outcome.counters().read());
        assertEquals(40, outcome.rejections().size());
        assertEquals(List.of(), outcome.counters().hints());
    }

    @Test
    void recordsOfAnotherSourcesPageKeepTheirOwnPositions() throws IOException {
        Path file = dir.resolve("history.json");
        String second = "{\"timestamp\":\"2024-03-05T14:09:00Z\",\"event_type\":\"viewed\",\"asset_id\":\"a3\"}";
        Files.writeString(file, "{\"user_id\":\"7\",\"program_id\":\"p\",\"history\":[\n"
                + "  {\"timestamp\":\"2024-03-05T14:07:00Z\",\"event_type\":\"viewed\",\"asset_id\":\"a1\"},\n"
                + "  {\"timestamp\":\"2024-03-05T14:08:00Z\",\"event_type\":\"viewed\",\"asset_name\":\"Søren’s café\"}, " + second + "]}\n"
                + "{\"user_id\":\"8\",\"program_id\":\"p\",\"history\":[" + second + "]}\n");
        List<String> positions = List.of("record 1 (line 2, column 3)", "record 2 (line 3, column 3)",
                "record 3 (line 3, column " + (3 + 2 + "{\"timestamp\":\"2024-03-05T14:08:00Z\",\"event_type\":\"viewed\",\"asset_name\":\"Søren’s café\"}"
                        .getBytes(StandardCharsets.UTF_8).length) + ")", "record 4 (line 4, column 44)");
        Outcome outcome = read(file, "thousandeyes");
        assertEquals(positions, outcome.rejections().stream().map(Rejection::position).toList());
        assertEquals(second, outcome.rejections().get(2).original());

        LoadCounters counters = new LoadCounters();
        List<String> asTheirSource = new ArrayList<>();
        new Pipeline(Sources.byId("actionhub"), SourceContext.EMPTY, new EventSink() {
            @Override
            public void write(NormalizedEvent event, RecordOrigin origin) {
                asTheirSource.add(origin.position().toString());
            }

            @Override
            public void close() {
            }
        }, r -> asTheirSource.add(r.position()), counters).read(ExportInput.file(file));
        assertEquals(positions, asTheirSource, "the same positions as read with their own source");
    }
}
