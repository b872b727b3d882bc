package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The API while Elasticsearch is down: it starts, answers /health with 503, and every search, the
 * vendor facades' too, with 503 and Retry-After.
 */
class UnavailableIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(Javalin server, String path) throws Exception {
        return send(server, "GET", path, HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(Javalin server, String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, body).header("program-id", "p1").build(),
                HttpResponse.BodyHandlers.ofString());
        OpenApiContract.assertValid(method, path, response.statusCode(), response.headers().map(), response.body());
        return response;
    }

    private static void assertUnavailable(HttpResponse<String> response, String path) {
        assertEquals(503, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), path);
        assertFalse(response.body().contains("Exception") || response.body().contains("at co.elastic"), response.body());
    }

    @Test
    void startsAndAnswers503WhileElasticsearchIsUnreachable() throws Exception {
        EventIndex nowhere = new EventIndex(EsClients.create(EsSettings.of("http://127.0.0.1:" + Ports.free())), Partitioning.daily("x"), 0);
        Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.index = nowhere);
        try {
            assertEquals(503, get(server, "/health").statusCode());
            for (String path : new String[] {"/v1/events", "/v1/events/histogram", "/v1/events/top?field=userId", "/v1/events/export",
                    "/compat/thousandeyes/v7/audit-user-events", "/compat/actionhub/users/u1/events", "/compat/onehub/activity/",
                    "/compat/onehub/files/1/audit_trail"}) {
                assertUnavailable(get(server, path), path);
            }
            String authing = "/compat/authing/api/v3/get-user-action-logs";
            HttpResponse<String> response = send(server, "POST", authing, HttpRequest.BodyPublishers.ofString("{}"));
            assertUnavailable(response, authing);
            assertTrue(response.body().contains("\"statusCode\":503"), response.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void recoversWhenElasticsearchStopsAndStartsAgain() throws Exception {
        try (EphemeralNode node = EphemeralNode.start()) {
            EventIndex index = new EventIndex(EsClients.create(EsSettings.of(node.url())), Partitioning.daily("back"), 0);
            Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.index = index);
            try {
                assertEquals(200, get(server, "/v1/events").statusCode());
                node.node().stop();
                assertEquals(503, get(server, "/v1/events").statusCode());
                assertEquals(503, get(server, "/health").statusCode());
                node.node().start(message -> { });
                assertEquals(200, get(server, "/health").statusCode());
                assertEquals(200, get(server, "/v1/events").statusCode());
            } finally {
                server.stop();
            }
        }
    }
}
