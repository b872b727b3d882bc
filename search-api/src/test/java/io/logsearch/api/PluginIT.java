package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin inside somebody else's Javalin app, under a path prefix, next to that app's own routes. */
@ExtendWith(RealElasticsearch.class)
class PluginIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesUnderAPrefixBesideTheHostsRoutes(TestElasticsearch es) throws Exception {
        try (TestApi data = TestApi.start(es, cfg -> { })) {
            data.loadEcs(List.of("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"id\":\"p1\",\"action\":\"x\"}}",
                    "{\"@timestamp\":\"2024-01-02T00:00:00Z\",\"event\":{\"id\":\"p2\",\"action\":\"x\"}}"));
            Javalin host = Javalin.create(config -> {
                config.routes.get("/hello", ctx -> ctx.result("host app"));
                config.registerPlugin(new LogSearchPlugin(cfg -> {
                    cfg.store = data.index;
                    cfg.pathPrefix = "/audit/";
                }));
            }).start("127.0.0.1", Ports.free());
            try {
                String base = "http://127.0.0.1:" + host.port();
                assertEquals("host app", get(base + "/hello").body());
                HttpResponse<String> events = get(base + "/audit/v1/events?size=1");
                assertEquals(200, events.statusCode(), events.body());
                JsonNode body = TestApi.JSON.readTree(events.body());
                assertEquals("p2", body.at("/events/0/event/id").asText());
                String next = body.at("/_links/next/href").asText();
                assertTrue(next.startsWith(base + "/audit/v1/events?"), next);
                assertEquals("p1", TestApi.JSON.readTree(get(next).body()).at("/events/0/event/id").asText());
                assertEquals(200, get(base + "/audit/health").statusCode());
                assertTrue(get(base + "/audit/").body().contains("/audit/v1/events"));
                assertEquals(404, get(base + "/v1/events").statusCode(), "nothing outside the prefix");
            } finally {
                host.stop();
            }
        }
    }

    @Test
    void itsErrorsAreProblemsWhileTheHostKeepsItsOwn(TestElasticsearch es) throws Exception {
        try (TestApi data = TestApi.start(es, cfg -> { })) {
            Javalin host = Javalin.create(config -> {
                config.routes.get("/audit/host-page", ctx -> ctx.status(404).result("the host's own 404"));
                config.routes.get("/boom", ctx -> {
                    throw new IllegalStateException("the host's own failure");
                });
                config.registerPlugin(new LogSearchPlugin(cfg -> {
                    cfg.store = data.index;
                    cfg.pathPrefix = "/audit";
                }));
            }).start("127.0.0.1", Ports.free());
            try {
                String base = "http://127.0.0.1:" + host.port();
                HttpResponse<String> unknown = get(base + "/audit/v1/nothing");
                assertProblem(unknown, 404);
                assertEquals("/audit/v1/nothing", TestApi.JSON.readTree(unknown.body()).get("instance").asText());
                assertProblem(get(base + "/audit/elsewhere"), 404);

                HttpResponse<String> wrongMethod = send("POST", base + "/audit/v1/events");
                assertProblem(wrongMethod, 405);
                assertEquals("GET, HEAD", wrongMethod.headers().firstValue("Allow").orElse(""));
                assertEquals("POST", send("GET", base + "/audit/v1/ingest/ecs").headers().firstValue("Allow").orElse(""));
                assertProblem(send("DELETE", base + "/audit/health"), 405);

                HttpResponse<String> hostPage = get(base + "/audit/host-page");
                assertEquals("the host's own 404", hostPage.body(), "a host route under the prefix is the host's");
                HttpResponse<String> outside = get(base + "/nothing");
                assertEquals(404, outside.statusCode());
                assertFalse(isProblem(outside), "the host's other paths keep the host's 404");
                HttpResponse<String> hostFailure = get(base + "/boom");
                assertEquals(500, hostFailure.statusCode());
                assertFalse(isProblem(hostFailure), "the host's failures keep the host's mapping");
            } finally {
                host.stop();
            }
        }
    }

    @Test
    void anUnexpectedFailureInsideItIsA500ProblemWithoutAStackTrace(TestElasticsearch es) throws Exception {
        // a closed client fails every call with an exception no handler expects
        ElasticsearchClient closed = EsClients.create(EsSettings.of(es.url()));
        closed._transport().close();
        Javalin host = Javalin.create(config -> config.registerPlugin(new LogSearchPlugin(cfg -> {
            cfg.store = EsEventStore.on(closed, Partitioning.daily(es.indexBase()), 0);
            cfg.pathPrefix = "/audit";
        }))).start("127.0.0.1", Ports.free());
        try {
            HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/audit/v1/ingest/ecs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(failed, 500);
            assertFalse(failed.body().contains("Exception") || failed.body().contains("\tat "), failed.body());
        } finally {
            host.stop();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        OpenApiContract.assertProblem(status, response.headers().map(), response.body());
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send("GET", url);
    }

    private static HttpResponse<String> send(String method, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
