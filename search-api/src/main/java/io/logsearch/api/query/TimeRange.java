package io.logsearch.api.query;

import java.time.Instant;

/** An absolute, inclusive time range over {@code @timestamp}. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the range ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
