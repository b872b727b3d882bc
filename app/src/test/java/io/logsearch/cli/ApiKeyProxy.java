package io.logsearch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A plain-HTTP proxy on loopback in front of a secured node that cannot create API keys: it
 * records every request's {@code Authorization} headers, refuses (401, as Elasticsearch does) each
 * request that does not carry exactly {@code ApiKey <key>}, and forwards the others over HTTPS
 * with basic authentication in its place, so the whole path runs as it would with a real key.
 */
final class ApiKeyProxy implements AutoCloseable {

    /** One request as logsearch sent it. */
    record Seen(String method, String path, List<String> authorization) {
    }

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "authorization");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http;
    private final String target;
    private final String apiKey;
    private final String basic;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ApiKeyProxy(String target, SSLContext trust, String apiKey, String username, String password) throws IOException {
        this.target = target.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            List<String> authorization = List.copyOf(exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
            seen.add(new Seen(exchange.getRequestMethod(), path, authorization));
            if (!authorization.equals(List.of("ApiKey " + apiKey))) {
                byte[] refusal = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing authentication credentials\"},"
                        + "\"status\":401}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("WWW-Authenticate", "ApiKey");
                exchange.sendResponseHeaders(401, refusal.length);
                exchange.getResponseBody().write(refusal);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Authorization", basic);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            boolean bodiless = exchange.getRequestMethod().equals("HEAD") || answer.length == 0;
            exchange.sendResponseHeaders(response.statusCode(), bodiless ? -1 : answer.length);
            if (!bodiless) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
