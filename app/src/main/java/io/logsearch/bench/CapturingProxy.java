package io.logsearch.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback proxy in front of Elasticsearch that keeps every search request passing through it, so
 * that the raw request timed against an API request is exactly what the API sent, however the query
 * translation changes.
 */
final class CapturingProxy implements AutoCloseable {

    /** One request as the API sent it. */
    record Captured(String method, String pathAndQuery, String contentType, String accept, byte[] body) {

        /** The same request, sent straight to {@code esUrl}. */
        HttpRequest to(String esUrl) {
            return toPath(esUrl, pathAndQuery);
        }

        /** The same request to other indices: {@code indices} in place of the ones the API named. */
        HttpRequest onIndices(String esUrl, String indices) {
            int search = pathAndQuery.indexOf("/_search");
            return toPath(esUrl, "/" + indices + pathAndQuery.substring(search));
        }

        /** The indices the request names, as the API chose them. */
        List<String> indices() {
            int search = pathAndQuery.indexOf("/_search");
            return search <= 1 ? List.of() : List.of(pathAndQuery.substring(1, search).split(","));
        }

        private HttpRequest toPath(String esUrl, String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(esUrl + path))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            if (!accept.isEmpty()) {
                request.header("Accept", accept);
            }
            return request.build();
        }
    }

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "bench-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final String target;
    private final List<Captured> searches = new ArrayList<>();

    CapturingProxy(String esUrl, HttpClient http) throws IOException {
        this.target = esUrl;
        this.http = http;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The search requests passed on since the last call, in order. */
    synchronized List<Captured> take() {
        List<Captured> taken = List.copyOf(searches);
        searches.clear();
        return taken;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (exchange.getRequestURI().getRawPath().endsWith("/_search")) {
                synchronized (this) {
                    searches.add(new Captured(exchange.getRequestMethod(), pathAndQuery, contentType == null ? "" : contentType,
                            accept == null ? "" : accept, body));
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding " + pathAndQuery, e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
