package io.logsearch.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.storage.EventDocument;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ECS document of one request. */
class AccessEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-12-03T15:01:04.130Z");
    private static final Caller TEAM_A = new Caller("team-a", Optional.of(Set.of("5678", "1234")), Set.of(Scope.SEARCH),
            Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void everyFieldOfAnAnsweredSearch() throws Exception {
        AccessEvent event = AccessEvent.answered(END, 14_250_000, "203.0.113.7", Optional.of(TEAM_A), "GET", "/v1/events",
                Optional.of("window=24h&cursor=abc&access_token=t"), 200, OptionalLong.of(1342), Optional.of("curl/8.5.0"));
        EventDocument document = event.document();
        JsonNode doc = JSON.readTree(document.json());

        assertEquals(Instant.parse("2026-12-03T15:01:04.115750Z"), document.timestamp(), "the request's start");
        assertEquals("2026-12-03T15:01:04.115750Z", doc.get("@timestamp").asText());
        assertEquals(document.id(), doc.at("/event/id").asText());
        assertEquals("event", doc.at("/event/kind").asText());
        assertEquals("logsearch.access", doc.at("/event/dataset").asText());
        assertEquals("web", doc.at("/event/category/0").asText());
        assertEquals("access", doc.at("/event/type/0").asText());
        assertEquals("success", doc.at("/event/outcome").asText());
        assertEquals(14_250_000, doc.at("/event/duration").asLong(), "nanoseconds");
        assertEquals("team-a", doc.at("/user/name").asText());
        assertEquals("team-a", doc.at("/user/id").asText());
        assertEquals("[\"1234\",\"5678\"]", doc.at("/organization/id").toString(), "the token's scope, sorted");
        assertEquals("203.0.113.7", doc.at("/source/ip").asText());
        assertEquals("/v1/events", doc.at("/url/path").asText());
        assertEquals("window=24h&cursor=REDACTED&access_token=REDACTED", doc.at("/url/query").asText());
        assertEquals("GET", doc.at("/http/request/method").asText());
        assertEquals(200, doc.at("/http/response/status_code").asInt());
        assertEquals(1342, doc.at("/logsearch/access/hits").asLong());
        assertEquals("curl/8.5.0", doc.at("/user_agent/original").asText());
        assertEquals("GET /v1/events?window=24h&cursor=REDACTED&access_token=REDACTED 200", doc.get("message").asText());
        assertFalse(new String(document.json()).contains("abc"), "no secret anywhere in the document");
    }

    @Test
    void anUnauthenticatedRequestHasNoUserNorScopeAndFails() throws Exception {
        JsonNode doc = JSON.readTree(AccessEvent.answered(END, 1_000, "::1", Optional.empty(), "POST", "/v1/ingest/ecs",
                Optional.empty(), 401, OptionalLong.empty(), Optional.empty()).document().json());
        assertTrue(doc.at("/user").isMissingNode());
        assertTrue(doc.at("/organization").isMissingNode());
        assertTrue(doc.at("/url/query").isMissingNode());
        assertTrue(doc.at("/logsearch").isMissingNode());
        assertEquals("failure", doc.at("/event/outcome").asText());
    }

    @Test
    void aTokenForEveryOrganizationCarriesNoOrganizationId() throws Exception {
        JsonNode doc = JSON.readTree(AccessEvent.answered(END, 1_000, "::1", Optional.of(Caller.UNRESTRICTED), "GET", "/v1/events",
                Optional.of(""), 200, OptionalLong.of(0), Optional.empty()).document().json());
        assertEquals("anonymous", doc.at("/user/name").asText());
        assertTrue(doc.at("/organization").isMissingNode());
        assertTrue(doc.at("/url/query").isMissingNode(), "an empty query is none");
    }

    @Test
    void everyDocumentHasItsOwnId() {
        AccessEvent event = AccessEvent.answered(END, 1, "::1", Optional.empty(), "GET", "/v1/events", Optional.empty(), 200,
                OptionalLong.empty(), Optional.empty());
        assertFalse(event.document().id().equals(event.document().id()));
    }
}
