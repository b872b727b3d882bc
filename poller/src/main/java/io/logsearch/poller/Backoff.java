package io.logsearch.poller;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before asking again: what a 429 says ({@code Retry-After} in seconds or as an
 * HTTP date, else ThousandEyes' {@code x-organization-rate-limit-reset}, epoch seconds), else
 * exponential from {@link PollSettings#firstRetry()} with jitter (half to all of it), never more
 * than {@link PollSettings#maxRetry()}.
 */
final class Backoff {

    static final String RATE_LIMIT_REMAINING = "x-organization-rate-limit-remaining";
    static final String RATE_LIMIT_RESET = "x-organization-rate-limit-reset";

    private final PollSettings settings;

    Backoff(PollSettings settings) {
        this.settings = settings;
    }

    /** The pause before retry number {@code retry} (from 1) after a 5xx or a connection error. */
    Duration exponential(int retry) {
        long ceiling = Math.min(settings.maxRetry().toMillis(), settings.firstRetry().toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** The pause a 429 asks for, or the exponential one when it names none. */
    Duration rateLimited(HttpHeaders headers, Instant now, int retry) {
        return retryAfter(headers, now).or(() -> reset(headers, now)).map(this::bounded).orElseGet(() -> exponential(retry));
    }

    /** After a success that used up ThousandEyes' quota ({@code remaining: 0}): the wait until it resets. */
    Optional<Duration> quotaExhausted(HttpHeaders headers, Instant now) {
        return headers.firstValue(RATE_LIMIT_REMAINING).filter(r -> r.trim().equals("0"))
                .flatMap(r -> reset(headers, now)).map(this::bounded);
    }

    private Duration bounded(Duration pause) {
        return pause.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : pause;
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("retry-after").map(String::trim).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                return Optional.of(positive(Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Duration> reset(HttpHeaders headers, Instant now) {
        return headers.firstValue(RATE_LIMIT_RESET).map(String::trim).filter(v -> v.matches("\\d{1,12}"))
                .map(v -> positive(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(v)))));
    }

    private static Duration positive(Duration pause) {
        return pause.isNegative() ? Duration.ZERO : pause;
    }
}
