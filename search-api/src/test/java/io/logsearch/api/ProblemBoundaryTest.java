package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import io.logsearch.testsupport.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one place failures become answers, in the problem+json style or a vendor's; no Elasticsearch needed. */
class ProblemBoundaryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DETAIL = "HTTP 429 (es_rejected_execution_exception: secret detail)";
    private static final ErrorStyle VENDOR = (ctx, problem) -> ctx.status(problem.status()).result("vendor " + problem.detail());
    private static Javalin server;

    @BeforeAll
    static void start() {
        StorageException pushedBack = new StorageException(FailureKind.TRANSIENT, "try again shortly", DETAIL, null);
        server = Javalin.create(config -> {
            config.routes.get("/native", ProblemBoundary.guard(ctx -> {
                throw new IllegalStateException("the load failed", pushedBack);
            }));
            config.routes.get("/vendor", ProblemBoundary.guard(ctx -> {
                throw pushedBack;
            }, VENDOR));
            config.routes.get("/forbidden", ProblemBoundary.guard(ctx -> {
                throw AccessDenied.forbidden("not yours");
            }, VENDOR));
        }).start("127.0.0.1", Ports.free());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStorageFailureOrOneItCausedIsA503WithRetryAfterAndOnlyTheSafeMessage() throws Exception {
        HttpResponse<String> response = get("/native");
        assertEquals(503, response.statusCode());
        assertEquals("10", response.headers().firstValue("Retry-After").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("try again shortly"), response.body());
        assertFalse(response.body().contains("secret") || response.body().contains("the load failed"), response.body());
    }

    @Test
    void aVendorStyleGetsTheSameStatusAndHeaders() throws Exception {
        HttpResponse<String> response = get("/vendor");
        assertEquals(503, response.statusCode());
        assertEquals("10", response.headers().firstValue("Retry-After").orElse(""));
        assertEquals("vendor try again shortly", response.body());
    }

    @Test
    void aRefusalIsWrittenInTheVendorsStyleWithoutRetryAfter() throws Exception {
        HttpResponse<String> response = get("/forbidden");
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("Retry-After").isEmpty());
        assertEquals("vendor not yours", response.body());
    }
}
