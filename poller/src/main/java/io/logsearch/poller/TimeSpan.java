package io.logsearch.poller;

import java.time.Instant;

/** The events one run asks for: from {@code since} up to {@code until}, both inclusive, in whole seconds. */
public record TimeSpan(Instant since, Instant until) {

    public TimeSpan {
        if (until.isBefore(since)) {
            throw new IllegalArgumentException("a span must not end (" + until + ") before it starts (" + since + ")");
        }
    }
}
