package io.logsearch.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.mappings.Partitioning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456Z");
    private static final Instant NOW_MILLIS = Instant.parse("2024-05-01T12:00:00.123Z");
    private static final Instant MAY = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2024-04-01T00:00:00Z");

    private record Refused(TimeRange.Bound bound, TimeRange.Refusal refusal) {
    }

    private final List<Refused> refused = new ArrayList<>();

    private Optional<TimeRange> resolve(Optional<Instant> start, Optional<Instant> end, Optional<Duration> window) {
        return TimeRange.resolve(start, end, window, NOW, (bound, refusal) -> refused.add(new Refused(bound, refusal)));
    }

    @Test
    void nothingGivenIsNoRange() {
        assertEquals(Optional.empty(), resolve(Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(refused.isEmpty());
    }

    @Test
    void bothBoundsAreInclusiveAndAnInstantRangeIsValid() {
        assertEquals(Optional.of(new TimeRange(APRIL, MAY)), resolve(Optional.of(APRIL), Optional.of(MAY), Optional.empty()));
        assertEquals(Optional.of(new TimeRange(MAY, MAY)), resolve(Optional.of(MAY), Optional.of(MAY), Optional.empty()));
        assertTrue(refused.isEmpty());
    }

    @Test
    void aStartAloneRunsToNowCountedInMilliseconds() {
        assertEquals(Optional.of(new TimeRange(APRIL, NOW_MILLIS)), resolve(Optional.of(APRIL), Optional.empty(), Optional.empty()));
    }

    @Test
    void anEndAloneRunsFromTheEarliestPartition() {
        assertEquals(Optional.of(new TimeRange(Partitioning.EARLIEST, APRIL)), resolve(Optional.empty(), Optional.of(APRIL), Optional.empty()));
    }

    @Test
    void aWindowReachesBackFromNowAndNoFurtherThanTheEarliestPartition() {
        assertEquals(Optional.of(new TimeRange(NOW_MILLIS.minus(Duration.ofHours(12)), NOW_MILLIS)),
                resolve(Optional.empty(), Optional.empty(), Optional.of(Duration.ofHours(12))));
        assertEquals(Optional.of(new TimeRange(Partitioning.EARLIEST, NOW_MILLIS)),
                resolve(Optional.empty(), Optional.empty(), Optional.of(Duration.ofDays(9_000_000))));
        assertTrue(refused.isEmpty());
    }

    @Test
    void aWindowWithADateIsRefusedOnTheWindow() {
        assertEquals(Optional.empty(), resolve(Optional.of(APRIL), Optional.empty(), Optional.of(Duration.ofHours(1))));
        assertEquals(Optional.empty(), resolve(Optional.empty(), Optional.of(APRIL), Optional.of(Duration.ofHours(1))));
        assertEquals(List.of(new Refused(TimeRange.Bound.WINDOW, TimeRange.Refusal.WINDOW_WITH_DATES),
                new Refused(TimeRange.Bound.WINDOW, TimeRange.Refusal.WINDOW_WITH_DATES)), refused);
    }

    @Test
    void aReversedRangeIsRefusedOnItsEnd() {
        assertEquals(Optional.empty(), resolve(Optional.of(MAY), Optional.of(APRIL), Optional.empty()));
        assertEquals(List.of(new Refused(TimeRange.Bound.END, TimeRange.Refusal.END_BEFORE_START)), refused);
    }

    @Test
    void aStartAfterNowWithoutAnEndIsRefusedOnTheStart() {
        assertEquals(Optional.empty(), resolve(Optional.of(NOW.plusSeconds(60)), Optional.empty(), Optional.empty()));
        assertEquals(List.of(new Refused(TimeRange.Bound.START, TimeRange.Refusal.START_AFTER_NOW)), refused);
    }

    @Test
    void boundsBeyondFourDigitYearsAreClamped() {
        Optional<TimeRange> range = resolve(Optional.of(Instant.parse("-20000-01-01T00:00:00Z")),
                Optional.of(Instant.parse("+20000-01-01T00:00:00Z")), Optional.empty());
        assertEquals(Optional.of(new TimeRange(Partitioning.EARLIEST, Partitioning.LATEST)), range);
    }
}
