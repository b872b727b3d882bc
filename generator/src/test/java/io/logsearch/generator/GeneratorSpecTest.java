package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GeneratorSpecTest {

    private static final Instant UNTIL = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void rejectsNegativeEventCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSpec(-1, 30, 1, UNTIL));
        assertEquals("events must be 0 or more, got -1", e.getMessage());
    }

    @Test
    void rejectsDaysOutsideOneToTenYears() {
        assertEquals("days must be between 1 and 3650, got 0",
                assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 0, 1, UNTIL)).getMessage());
        assertEquals("days must be between 1 and 3650, got 3651",
                assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 3651, 1, UNTIL)).getMessage());
    }

    @Test
    void requiresAnEndOfTheSpan() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSpec(10, 30, 1, null));
        assertTrue(e.getMessage().contains("until"), e.getMessage());
    }

    @Test
    void rejectsSpansStartingBeforeTheEpoch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSpec(10, 30, 1, Instant.parse("1970-01-10T00:00:00Z")));
        assertTrue(e.getMessage().startsWith("until must be at least 30 days after 1970-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void truncatesTheEndToWholeSecondsAndDerivesTheStart() {
        GeneratorSpec spec = new GeneratorSpec(10, 2, 1, Instant.parse("2025-06-01T12:34:56.789Z"));
        assertEquals(Instant.parse("2025-06-01T12:34:56Z"), spec.until());
        assertEquals(Instant.parse("2025-05-30T12:34:56Z"), spec.start());
    }

    @Test
    void defaultsTheEndToTheStartOfTheCurrentUtcDay() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T23:59:59Z"), ZoneId.of("Pacific/Auckland"));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), GeneratorSpec.startOfDay(clock));

        GeneratorSpec spec = GeneratorSpec.of(5, 7, 9);
        Instant today = Instant.now().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        assertTrue(spec.until().equals(today) || spec.until().equals(today.minusSeconds(86_400)), spec.toString());
        assertEquals(new GeneratorSpec(5, 7, 9, UNTIL), spec.withUntil(UNTIL));
    }
}
