package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.storage.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Histogram intervals: any whole number of seconds, minutes, hours, days or weeks. */
class HistogramIntervalTest {

    @Test
    void aWholeNumberWithAUnitIsAnInterval() {
        assertEquals(Optional.of(new HistogramHandler.Interval("30s", Duration.ofSeconds(30))), HistogramHandler.parse("30s"));
        assertEquals(Optional.of(new HistogramHandler.Interval("15m", Duration.ofMinutes(15))), HistogramHandler.parse("15m"));
        assertEquals(Optional.of(new HistogramHandler.Interval("12h", Duration.ofHours(12))), HistogramHandler.parse("12h"));
        assertEquals(Optional.of(new HistogramHandler.Interval("3d", Duration.ofDays(3))), HistogramHandler.parse("3d"));
        assertEquals(Optional.of(new HistogramHandler.Interval("2w", Duration.ofDays(14))), HistogramHandler.parse("2w"));
    }

    @Test
    void anythingElseIsNot() {
        for (String text : List.of("", "15", "m", "0m", "015m", "1.5h", "15M", "-1h", "1y", "1h30m", " 1h", "1234567d")) {
            assertEquals(Optional.empty(), HistogramHandler.parse(text), text);
        }
    }

    @Test
    void autoPicksFromTheNaturalSteps() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals("1m", HistogramHandler.auto(new TimeRange(start, start.plus(Duration.ofHours(2)))).name());
        assertEquals("1h", HistogramHandler.auto(new TimeRange(start, start.plus(Duration.ofDays(7)))).name());
        assertEquals("7d", HistogramHandler.auto(new TimeRange(start, start.plus(Duration.ofDays(700)))).name());
    }

    @Test
    void bucketsCountTheRangeInclusively() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals(96, HistogramHandler.named("15m").buckets(new TimeRange(start, start.plus(Duration.ofDays(1)).minusMillis(1))));
    }
}
