package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The standalone server answers what no route handles, and what no handler expected, as problems. */
@ExtendWith(RealElasticsearch.class)
class ProblemsIT {

    @Test
    void unknownPathsAre404AndUnsupportedMethods405WithAllow(TestElasticsearch es) throws Exception {
        try (TestApi api = TestApi.start(es, cfg -> { })) {
            for (String path : new String[] {"/nothing", "/v1/nothing", "/v1/events/nothing", "/compat/nobody/v1"}) {
                TestApi.Response unknown = api.undocumented("GET", path);
                assertEquals(404, unknown.status(), path);
                assertEquals(path, unknown.json().get("instance").asText());
            }
            TestApi.Response post = api.undocumented("POST", "/v1/events");
            assertEquals(405, post.status());
            assertEquals("GET", post.header("Allow"));
            assertEquals("POST", api.undocumented("GET", "/v1/ingest/ecs").header("Allow"));
            assertEquals("GET", api.undocumented("DELETE", "/health").header("Allow"));
        }
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutAStackTrace(TestElasticsearch es) throws Exception {
        try (TestApi api = TestApi.start(es, cfg -> { })) {
            // a closed client fails every call with an exception no handler expects
            api.client._transport().close();
            TestApi.Response failed = api.post("/v1/ingest/ecs", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(500, failed.status());
            assertEquals("application/problem+json", failed.header("Content-Type"));
            assertFalse(failed.body().contains("Exception") || failed.body().contains("\tat ") || failed.body().contains("cancelled"),
                    failed.body());
        }
    }
}
