package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The access line: one request, one line of key=value fields, never a credential. */
class AccessLogTest {

    private static final Instant AT = Instant.parse("2026-12-03T14:55:27.123Z");

    @Test
    void oneLineWithEveryField() {
        assertEquals("time=2026-12-03T14:55:27.123Z client=203.0.113.7 token=team-a method=GET"
                        + " path=/v1/events?window=24h&success=false status=200 duration_ms=12 hits=1342",
                AccessLog.line(AT, "203.0.113.7", "team-a", "GET", "/v1/events", "window=24h&success=false", 200, 12,
                        OptionalLong.of(1342)));
        assertEquals("time=2026-12-03T14:55:27.123Z client=::1 token=- method=POST path=/v1/ingest/ecs status=401 duration_ms=0",
                AccessLog.line(AT, "::1", "-", "POST", "/v1/ingest/ecs", null, 401, 0, OptionalLong.empty()),
                "no query, no caller yet, no hits");
    }

    @Test
    void theQueryIsRedacted() {
        assertEquals("time=2026-12-03T14:55:27.123Z client=::1 token=ops method=GET path=/v1/events?cursor=REDACTED&size=5 status=200 duration_ms=4",
                AccessLog.line(AT, "::1", "ops", "GET", "/v1/events", "cursor=eyJ0IjoxfQ.c2ln&size=5", 200, 4, OptionalLong.empty()));
    }

    @Test
    void aValueWithSpacesOrQuotesIsQuotedSoTheLineSplitsBack() {
        assertEquals("time=2026-12-03T14:55:27.123Z client=10.0.0.1 token=\"ops team\" method=GET"
                        + " path=\"/v1/events?q=\\\"a b\\\"\" status=200 duration_ms=3",
                AccessLog.line(AT, "10.0.0.1", "ops team", "GET", "/v1/events", "q=\"a b\"", 200, 3, OptionalLong.empty()));
    }
}
