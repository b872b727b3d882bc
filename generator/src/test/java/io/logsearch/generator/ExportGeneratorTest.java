package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every source's generator promises. */
class ExportGeneratorTest {

    private static final Map<String, Generated> MONTHS = new ConcurrentHashMap<>();

    /** 5,000 events over 30 days, built once per source for the tests that only read it. */
    private static Generated month(String source) {
        return MONTHS.computeIfAbsent(source, id -> Generated.run(id, 5_000, 30, 5));
    }

    static Stream<String> sources() {
        return ExportGenerator.SOURCE_IDS.stream();
    }

    static Stream<Arguments> sourcesAndCounts() {
        return sources().flatMap(source -> Stream.of(0L, 1L, 29L, 30L, 31L, 50L, 51L, 999L, 1000L, 1001L, 2345L)
                .map(events -> Arguments.of(source, events)));
    }

    @Test
    void knowsTheFourSources() {
        assertEquals(List.of("actionhub", "thousandeyes", "onehub", "authing"), ExportGenerator.SOURCE_IDS);
        for (String source : ExportGenerator.SOURCE_IDS) {
            assertEquals(source, ExportGenerator.forSource(source).sourceId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "ThousandEyes", "", "okta"})
    void rejectsOtherSourcesListingTheValidOnes(String source) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportGenerator.forSource(source));
        assertEquals("cannot generate source '" + source + "': expected one of actionhub, thousandeyes, onehub, authing",
                e.getMessage());
    }

    @Test
    void rejectsAMissingSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportGenerator.forSource(null));
        assertTrue(e.getMessage().contains("actionhub, thousandeyes, onehub, authing"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theSameSpecGivesTheSameBytes(String source) {
        Generated first = Generated.run(source, 3_000, 10, 42);
        Generated second = Generated.run(source, 3_000, 10, 42);
        assertTrue(first.bytes().length > 0);
        assertArrayEquals(first.bytes(), second.bytes());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anotherSeedOrEndGivesAnotherExport(String source) {
        Generated base = Generated.run(source, 500, 10, 42);
        assertFalse(Arrays.equals(base.bytes(), Generated.run(source, 500, 10, 43).bytes()), "another seed");
        GeneratorSpec later = new GeneratorSpec(500, 10, 42, Generated.UNTIL.plus(Duration.ofDays(1)));
        assertFalse(Arrays.equals(base.bytes(), Generated.run(source, later).bytes()), "another end");
    }

    @Test
    void sourcesDoNotShareTheirRandomnessForOneSeed() {
        Set<Instant> thousandEyes = new HashSet<>();
        Generated.run("thousandeyes", 200, 10, 42).records()
                .forEach(record -> thousandEyes.add(Generated.timestamp("thousandeyes", record)));
        long shared = Generated.run("onehub", 200, 10, 42).records().stream()
                .filter(record -> thousandEyes.contains(Generated.timestamp("onehub", record)))
                .count();
        assertTrue(shared < 10, shared + " of 200 Onehub timestamps repeat ThousandEyes ones");
    }

    @ParameterizedTest
    @MethodSource("sourcesAndCounts")
    void writesExactlyTheRequestedNumberOfRecords(String source, long events) {
        Generated export = Generated.run(source, events, 7, 11);
        assertEquals(events, export.records().size());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void timestampsLieWithinTheSpan(String source) {
        for (Generated export : List.of(Generated.run(source, 5_000, 1, 5), month(source))) {
            GeneratorSpec spec = export.spec();
            for (JsonNode record : export.records()) {
                Instant time = Generated.timestamp(source, record);
                assertFalse(time.isBefore(spec.start()), time + " is before " + spec.start());
                assertFalse(time.isAfter(spec.until()), time + " is after " + spec.until());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void spreadsTimestampsOverTheWholeSpan(String source) {
        Generated export = month(source);
        GeneratorSpec spec = export.spec();
        Set<Long> days = new HashSet<>();
        for (JsonNode record : export.records()) {
            days.add(Duration.between(spec.start(), Generated.timestamp(source, record)).toDays());
        }
        assertEquals(30, days.size(), "events on every day of the span");
    }

    @ParameterizedTest
    @MethodSource("sources")
    void noTwoRecordsAreEqual(String source) {
        List<JsonNode> records = Generated.run(source, 20_000, 3, 8).records();
        Set<JsonNode> distinct = new HashSet<>(records);
        assertEquals(records.size(), distinct.size());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void leavesTheStreamOpen(String source) throws IOException {
        ClosingAware out = new ClosingAware();
        ExportGenerator.forSource(source).write(new GeneratorSpec(10, 1, 1, Generated.UNTIL), out);
        assertFalse(out.closed);
        assertTrue(out.size() > 0);
    }

    private static final class ClosingAware extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
