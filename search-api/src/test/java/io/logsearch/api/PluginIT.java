package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
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
                    cfg.index = data.index;
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

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
