package io.logsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The proxy passes requests and answers through unchanged and keeps the searches, which replay to the same effect. */
class CapturingProxyTest {

    @Test
    void keepsTheSearchesItPassesOnAndTheirReplaysReachTheTargetAlike() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Accept")
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + new String(body, StandardCharsets.UTF_8));
            byte[] answer = "{\"took\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        target.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String targetUrl = "http://127.0.0.1:" + target.getAddress().getPort();
        try (CapturingProxy proxy = new CapturingProxy(targetUrl, http)) {
            String media = "application/vnd.elasticsearch+json; compatible-with=8";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/a-1*,a-2*/_search?typed_keys=true"))
                    .header("Content-Type", media).header("Accept", media)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"size\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/_bulk")).POST(HttpRequest.BodyPublishers.ofString("{}\n")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode());
            assertEquals("{\"took\":1}", answer.body());
            assertEquals("Elasticsearch", answer.headers().firstValue("X-Elastic-Product").orElse(""), "the client checks this header");
            List<CapturingProxy.Captured> searches = proxy.take();
            assertEquals(1, searches.size(), "the bulk request is passed on, not kept");
            assertEquals(List.of("a-1*", "a-2*"), searches.get(0).indices());
            assertEquals(List.of(), proxy.take(), "taken once");

            http.send(searches.get(0).to(targetUrl), HttpResponse.BodyHandlers.ofString());
            http.send(searches.get(0).onIndices(targetUrl, "a-*"), HttpResponse.BodyHandlers.ofString());
            String sent = "POST /a-1*,a-2*/_search?typed_keys=true " + media + " " + media + " {\"size\":1}";
            assertEquals(List.of(sent, "POST /_bulk null null {}\n", sent, sent.replace("/a-1*,a-2*/", "/a-*/")), seen);
        } finally {
            target.stop(0);
        }
    }
}
