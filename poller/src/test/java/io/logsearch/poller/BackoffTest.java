package io.logsearch.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final Backoff backoff = new Backoff(new PollSettings(Instant.EPOCH, Duration.ZERO, Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(5)));

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), backoff.rateLimited(headers(Map.of("retry-after", List.of("7"))), NOW, 1));
        assertEquals(Duration.ofSeconds(20), backoff.rateLimited(headers(Map.of("retry-after", List.of("Thu, 03 Dec 2026 12:00:20 GMT"))), NOW, 1));
        assertEquals(Duration.ofSeconds(30), backoff.rateLimited(headers(Map.of("retry-after", List.of("3600"))), NOW, 1), "bounded");
    }

    @Test
    void thousandEyesRateLimitResetWhenThereIsNoRetryAfter() {
        String reset = Long.toString(NOW.plusSeconds(12).getEpochSecond());
        assertEquals(Duration.ofSeconds(12), backoff.rateLimited(headers(Map.of("x-organization-rate-limit-reset", List.of(reset))), NOW, 1));
        assertEquals(Optional.of(Duration.ofSeconds(12)), backoff.quotaExhausted(headers(Map.of(
                "x-organization-rate-limit-remaining", List.of("0"), "x-organization-rate-limit-reset", List.of(reset))), NOW));
        assertEquals(Optional.empty(), backoff.quotaExhausted(headers(Map.of(
                "x-organization-rate-limit-remaining", List.of("5"), "x-organization-rate-limit-reset", List.of(reset))), NOW));
    }

    @Test
    void exponentialWithJitterAndBounded() {
        for (int retry = 1; retry <= 12; retry++) {
            long ceiling = Math.min(30_000, 100L << (retry - 1));
            Duration pause = backoff.exponential(retry);
            assertTrue(pause.toMillis() >= ceiling / 2 && pause.toMillis() <= ceiling, retry + ": " + pause);
        }
        assertTrue(backoff.exponential(1).toMillis() <= 100);
        assertTrue(backoff.rateLimited(headers(Map.of("retry-after", List.of("soon"))), NOW, 3).toMillis() <= 400, "no usable header");
    }
}
