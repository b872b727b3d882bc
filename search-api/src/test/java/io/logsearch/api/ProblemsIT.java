package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.logsearch.api.auth.Tokens;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            assertEquals("GET, HEAD", post.header("Allow"));
            assertEquals("POST", api.undocumented("GET", "/v1/ingest/ecs").header("Allow"));
            assertEquals("GET, HEAD", api.undocumented("DELETE", "/health").header("Allow"));
        }
    }

    @Test
    void everyMethodOnEveryV1PathIsItsProblemWithTheMethodsThePathTakes(TestElasticsearch es) throws Exception {
        Path file = Files.createTempFile("tokens", ".json");
        Files.writeString(file, """
                {"tokens": [{"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]}]}"""
                .formatted(Tokens.sha256Hex(ADMIN)));
        Tokens tokens = Tokens.read(file);
        Files.delete(file);
        try (TestApi api = TestApi.start(es, cfg -> cfg.tokens = Optional.of(tokens))) {
            int port = URI.create(api.base).getPort();
            Map<String, String> allowed = Map.of("/v1/events", "GET, HEAD", "/v1/events/histogram", "GET, HEAD",
                    "/v1/events/top", "GET, HEAD", "/v1/events/export", "GET, HEAD", "/v1/access", "GET, HEAD",
                    "/v1/integrity", "GET, HEAD", "/v1/ingest/ecs", "POST", "/health", "GET, HEAD");
            for (var path : allowed.entrySet()) {
                for (String method : METHODS) {
                    if (List.of(path.getValue().split(", ")).contains(method)) {
                        continue;
                    }
                    TestApi.Response answer = RawHttp.send(port, method, path.getKey(), new byte[0], "Authorization", "Bearer " + ADMIN);
                    String exchange = method + " " + path.getKey() + " -> " + answer.status() + " " + answer.body();
                    assertEquals(405, answer.status(), exchange);
                    assertEquals(path.getValue(), answer.header("Allow"), exchange);
                    assertEquals("application/problem+json", answer.header("Content-Type"), exchange);
                    if (!method.equals("HEAD")) {
                        assertEquals(method + " is not allowed on " + path.getKey() + "; use " + path.getValue() + ".",
                                answer.json().path("detail").asText(), exchange);
                    }
                }
                for (String method : METHODS) {
                    TestApi.Response unknown = RawHttp.send(port, method, path.getKey() + "/nothing", new byte[0],
                            "Authorization", "Bearer " + ADMIN);
                    assertEquals(404, unknown.status(), method + " " + path.getKey() + "/nothing -> " + unknown.body());
                    assertEquals("application/problem+json", unknown.header("Content-Type"));
                }
            }
            // HEAD runs the GET route: its status, not Javalin's own 200 for any HEAD of a GET path
            assertEquals(401, RawHttp.send(port, "HEAD", "/v1/events", new byte[0]).status());
            assertEquals(401, RawHttp.send(port, "HEAD", "/v1/events/export", new byte[0], "Authorization", "Bearer junk").status());
            assertEquals(400, RawHttp.send(port, "HEAD", "/v1/events?size=0", new byte[0], "Authorization", "Bearer " + ADMIN).status());
            TestApi.Response head = RawHttp.send(port, "HEAD", "/v1/events", new byte[0], "Authorization", "Bearer " + ADMIN);
            assertEquals(200, head.status());
            assertEquals(api.get("/v1/events", "Authorization", "Bearer " + ADMIN).header("Content-Type"), head.header("Content-Type"));
            assertEquals("", head.body());
        }
    }

    private static final String ADMIN = "problems-admin-token-0123456789";
    /** HTTP's methods, one Javalin knows but HTTP does not define (QUERY), WebDAV's, made-up ones and a lowercase one. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "QUERY", "PROPFIND", "MKCOL", "FOO", "get");

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
