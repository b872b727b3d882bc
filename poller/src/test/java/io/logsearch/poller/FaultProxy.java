package io.logsearch.poller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback reverse proxy in front of a vendor API that injects faults by a fixed schedule, one
 * entry per request received (retries included): 429 with {@code Retry-After: 1}, 500, a stall longer
 * than the client waits, a connection dropped half-way through the body, and a complete answer whose
 * body is cut in half (a malformed page). Absolute links in
 * bodies are rewritten to the proxy, as a reverse proxy does.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault { NONE, TOO_MANY_REQUESTS, SERVER_ERROR, STALL, DROP, MALFORMED }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Duration stall;
    private volatile List<Fault> schedule = List.of(Fault.NONE);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();

    FaultProxy(String target, Duration stall) throws IOException {
        this.target = target;
        this.stall = stall;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void schedule(List<Fault> faults) {
        schedule = List.copyOf(faults);
        requests.set(0);
    }

    int injected(Fault fault) {
        return injected.getOrDefault(fault, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<Fault> faults = schedule;
            Fault fault = faults.get(Math.floorMod(requests.getAndIncrement(), faults.size()));
            injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            switch (fault) {
                case TOO_MANY_REQUESTS -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    exchange.sendResponseHeaders(429, -1);
                    return;
                }
                case SERVER_ERROR -> {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                case STALL -> sleep(stall);
                default -> {
                }
            }
            HttpResponse<byte[]> answer = forward(exchange, requestBody);
            byte[] body = new String(answer.body(), StandardCharsets.UTF_8).replace(target, base()).getBytes(StandardCharsets.UTF_8);
            if (fault == Fault.MALFORMED) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            OutputStream out = exchange.getResponseBody();
            if (fault == Fault.DROP) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // closing with bytes missing makes the server drop the connection mid-body
                return;
            }
            out.write(body);
        } catch (IOException | InterruptedException e) {
            // the client gave up on a stalled request, or a dropped one: that is the fault itself
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
