package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests the access log records: the API's data and the vendor facades, not health checks or the web page. */
class RecordedPathsTest {

    @Test
    void theApiAndTheFacadesAreRecorded() {
        assertTrue(LogSearchPlugin.recorded("", "/v1/events"));
        assertTrue(LogSearchPlugin.recorded("", "/v1/access"));
        assertTrue(LogSearchPlugin.recorded("", "/v1/ingest/ecs"));
        assertTrue(LogSearchPlugin.recorded("", "/compat/thousandeyes/v7/audit-user-events"));
        assertTrue(LogSearchPlugin.recorded("/audit", "/audit/v1/events/export"));
    }

    @Test
    void healthTheWebPageAndTheHostsOwnPathsAreNot() {
        assertFalse(LogSearchPlugin.recorded("", "/health"));
        assertFalse(LogSearchPlugin.recorded("", "/"));
        assertFalse(LogSearchPlugin.recorded("", "/ui/app.js"));
        assertFalse(LogSearchPlugin.recorded("", "/openapi.yaml"));
        assertFalse(LogSearchPlugin.recorded("/audit", "/v1/events"), "outside the prefix: the host's own path");
        assertFalse(LogSearchPlugin.recorded("/audit", "/auditx/v1/events"));
    }
}
