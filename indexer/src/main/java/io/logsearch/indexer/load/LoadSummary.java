package io.logsearch.indexer.load;

import java.time.Duration;
import java.util.Locale;

/** The outcome of a load: every record read is indexed, a duplicate, or rejected. */
public record LoadSummary(long read, long indexed, long duplicates, long rejected, Duration elapsed) {

    static LoadSummary of(LoadCounters counters, Duration elapsed) {
        return new LoadSummary(counters.read(), counters.indexed(), counters.duplicates(), counters.rejected(), elapsed);
    }

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? read / seconds : 0;
    }

    /** The one summary line: {@code read=N indexed=N duplicates=N rejected=N elapsed=1.2s rate=1234/s}. */
    public String line() {
        return String.format(Locale.ROOT, "read=%d indexed=%d duplicates=%d rejected=%d elapsed=%.1fs rate=%.0f/s",
                read, indexed, duplicates, rejected, elapsed.toNanos() / 1e9, eventsPerSecond());
    }
}
