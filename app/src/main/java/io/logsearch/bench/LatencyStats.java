package io.logsearch.bench;

import java.util.Arrays;

/** Median and 99th percentile of request latencies (nearest rank), in milliseconds. */
public record LatencyStats(double p50Millis, double p99Millis, int count) {

    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies measured");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(millis(sorted, 0.50), millis(sorted, 0.99), sorted.length);
    }

    /** The smallest value with at least {@code quantile} of all values at or below it. */
    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
