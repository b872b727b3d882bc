package io.logsearch.api.compat.authing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.ApiProblem;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Authing facade's body reading and page rendering, without a server or Elasticsearch. */
class AuthingRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static AuthingQuery read(String body) throws Exception {
        return AuthingQuery.read(JSON.readTree(body), NOW);
    }

    @Test
    void aGetUserActionLogsDtoBecomesAFilterAndAPage() throws Exception {
        AuthingQuery query = read("""
                {"userId":"u1","eventType":"login","appId":"app1","requestId":"r1","clientIp":"192.0.2.7",
                 "start":1714521600000,"end":1714525200000,"success":false,"pagination":{"page":2,"limit":50.0}}""");
        EventFilter filter = query.filter().build();
        assertEquals(List.of("authing"), filter.sources());
        assertEquals(List.of("u1"), filter.userIds());
        assertEquals(List.of("login"), filter.eventTypes());
        assertEquals(Optional.of(false), filter.success());
        assertEquals(Optional.of(new TimeRange(Instant.ofEpochMilli(1714521600000L), Instant.ofEpochMilli(1714525200000L))), filter.range());
        assertEquals(2, query.page());
        assertEquals(50, query.limit());
        assertEquals(AuthingQuery.DEFAULT_LIMIT, read("{}").limit());
    }

    @Test
    void theFirstInvalidFieldIsA400() {
        assertEquals("unknown field userPoolId", assertThrows(ApiProblem.class, () -> read("{\"userPoolId\":\"p\"}")).detail());
        assertEquals("success must be a boolean", assertThrows(ApiProblem.class, () -> read("{\"success\":\"true\"}")).detail());
        assertEquals("pagination.limit must be a whole number from 1 to 50",
                assertThrows(ApiProblem.class, () -> read("{\"pagination\":{\"limit\":51}}")).detail());
        assertEquals("end must not be before start", assertThrows(ApiProblem.class, () -> read("{\"start\":2000,\"end\":1000}")).detail());
        assertEquals("start is in the future, and without end the logs end now",
                assertThrows(ApiProblem.class, () -> read("{\"start\":1914521600000}")).detail());
    }

    @Test
    void aPageIsAuthingsEnvelopeWithTheRecordsAsIngested() throws Exception {
        String record = "{\"userId\":\"u1\",\"eventType\":\"login\",\"timestamp\":\"2024-05-01T10:00:00.000Z\"}";
        ObjectNode stored = JSON.createObjectNode();
        stored.putObject("event").put("original", record);
        byte[] body = AuthingPage.render(new NumberedPage(List.of(stored), 41), "req-1");
        assertEquals(JSON.readTree("{\"statusCode\":200,\"message\":\"\",\"requestId\":\"req-1\",\"data\":{\"totalCount\":41,\"list\":["
                + record + "]}}"), JSON.readTree(body));
    }
}
