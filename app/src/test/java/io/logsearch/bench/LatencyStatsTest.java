package io.logsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = LongStream.rangeClosed(1, 200).map(i -> i * 1_000_000L).toArray();
        LatencyStats stats = LatencyStats.of(nanos);
        assertEquals(100.0, stats.p50Millis());
        assertEquals(198.0, stats.p99Millis());
        assertEquals(200, stats.count());
    }

    @Test
    void orderOfMeasurementDoesNotMatterAndInputStaysAsItWas() {
        long[] nanos = {9_000_000, 1_000_000, 5_000_000};
        LatencyStats stats = LatencyStats.of(nanos);
        assertEquals(5.0, stats.p50Millis());
        assertEquals(9.0, stats.p99Millis());
        assertEquals(9_000_000, nanos[0]);
    }

    @Test
    void oneValueIsEveryPercentile() {
        LatencyStats stats = LatencyStats.of(new long[] {2_500_000});
        assertEquals(2.5, stats.p50Millis());
        assertEquals(2.5, stats.p99Millis());
    }

    @Test
    void noValuesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[0]));
        assertEquals("no latencies measured", e.getMessage());
    }
}
