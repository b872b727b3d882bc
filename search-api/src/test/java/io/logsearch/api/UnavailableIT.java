package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The API while Elasticsearch is down or pushing back: it starts, answers /health with 503, and
 * every search and ingest, the vendor facades' too, with 503 and Retry-After.
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
        EsEventStore nowhere = EsEventStore.on(EsClients.create(EsSettings.of("http://127.0.0.1:" + Ports.free())), Partitioning.daily("x"), 0);
        Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.store = nowhere);
        try {
            assertEquals(503, get(server, "/health").statusCode());
            for (String path : new String[] {"/v1/events", "/v1/events/histogram", "/v1/events/top?field=userId", "/v1/events/export",
                    "/compat/thousandeyes/v7/audit-user-events", "/compat/actionhub/users/u1/events", "/compat/onehub/activity/",
                    "/compat/onehub/files/1/audit_trail"}) {
                assertUnavailable(get(server, path), path);
            }
            HttpResponse<String> ingest = send(server, "POST", "/v1/ingest/ecs", HttpRequest.BodyPublishers.ofString("{}"));
            assertUnavailable(ingest, "/v1/ingest/ecs");
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
            ElasticsearchClient client = EsClients.create(EsSettings.of(node.url()));
            EsEventStore index = EsEventStore.on(client, Partitioning.daily("back"), 0);
            Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> cfg.store = index);
            try {
                assertEquals(200, get(server, "/v1/events").statusCode());
                // Elasticsearch pushing back: every request with a body is refused with 429 (until the restart below)
                client.cluster().putSettings(s -> s.transient_("network.breaker.inflight_requests.limit", JsonData.of("1b")));
                HttpResponse<String> pushedBack = send(server, "POST", "/v1/ingest/ecs", HttpRequest.BodyPublishers.ofString(
                        "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"id\":\"b1\",\"action\":\"x\"}}"));
                assertUnavailable(pushedBack, "/v1/ingest/ecs while the index template cannot be installed");
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
