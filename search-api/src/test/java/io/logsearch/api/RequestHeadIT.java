package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the standalone server's Jetty decides before any route: room for long values, and its refusals as problem+json. */
@ExtendWith(RealElasticsearch.class)
class RequestHeadIT {

    private static TestApi api;
    private static int port;

    @BeforeAll
    static void start(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
        port = URI.create(api.base).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void filterValuesOfTenThousandCharactersReachTheEndpoint() {
        TestApi.Response response = api.get("/v1/events?q=" + "a".repeat(10_000) + "&requestId=" + "b".repeat(1_000));
        assertEquals(400, response.status(), "q is checked by the endpoint, not refused by Jetty as too long");
        assertEquals("q", response.json().at("/errors/0/field").asText(), response.body());
        assertEquals(200, api.get("/v1/events?userId=" + "u".repeat(1_000) + "&appId=" + "x".repeat(1_000)).status());
    }

    @Test
    void requestsJettyRefusesAreProblems() {
        for (Map.Entry<String, Integer> refused : Map.of(
                "/v1/events?q=" + "x".repeat(140_000), 414,
                "/v1/events/%00", 400,
                "/compat/onehub/files/%00/audit_trail", 400).entrySet()) {
            TestApi.Response response = RawHttp.send(port, "GET", refused.getKey(), new byte[0]);
            assertEquals(refused.getValue(), response.status(), response.body());
            OpenApiContract.assertProblem(response.status(), response.headers(), response.body());
            assertTrue(response.body().contains("The server could not read the request"), response.body());
        }
        TestApi.Response hugeHeader = RawHttp.send(port, "GET", "/v1/events", new byte[0], "X-Junk", "j".repeat(140_000));
        assertEquals(431, hugeHeader.status(), hugeHeader.body());
        OpenApiContract.assertProblem(hugeHeader.status(), hugeHeader.headers(), hugeHeader.body());
    }
}
