package io.logsearch.indexer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A local HTTP proxy in front of a real Elasticsearch. On a script it answers some requests itself
 * the way a struggling cluster does (whole-request 503 or 429, per-item 500 or 429, connections
 * dropped before or after Elasticsearch did the work) and forwards everything else. It counts the
 * bulk requests it saw, how many were outstanding at once, and how many distinct batches they were.
 */
final class ScriptedProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request as the script sees it: {@code bulk} is the 1-based number of this bulk request (0
     * for any other), {@code template} that of this index template request (check or install).
     */
    record Request(String method, String path, int bulk, int template) {
    }

    /** What the proxy does with a request. */
    sealed interface Reply permits Forward, Answer, Drop, ForwardThenDrop, FailItems {
    }

    record Forward() implements Reply {
    }

    /** Answers with an Elasticsearch error body of this status and type, without forwarding. */
    record Answer(int status, String type) implements Reply {
    }

    /** Closes the connection without forwarding or answering. */
    record Drop() implements Reply {
    }

    /** Forwards, so Elasticsearch does the work, then closes the connection without answering. */
    record ForwardThenDrop() implements Reply {
    }

    /** Forwards only the bulk items whose position the predicate rejects and answers the others itself with this error. */
    record FailItems(int status, String type, IntPredicate failing) implements Reply {
    }

    static final Reply FORWARD = new Forward();

    private final String target;
    private final Function<Request, Reply> script;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final AtomicInteger templateRequests = new AtomicInteger();
    private final AtomicInteger outstandingBulk = new AtomicInteger();
    private final AtomicInteger mostOutstandingBulk = new AtomicInteger();
    private final Set<String> batches = ConcurrentHashMap.newKeySet();

    private ScriptedProxy(String target, Function<Request, Reply> script) throws IOException {
        this.target = target;
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static ScriptedProxy in(String target, Function<Request, Reply> script) throws IOException {
        return new ScriptedProxy(target, script);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int bulkRequests() {
        return bulkRequests.get();
    }

    int templateRequests() {
        return templateRequests.get();
    }

    /** The most bulk requests that were being handled at the same time. */
    int mostOutstandingBulk() {
        return mostOutstandingBulk.get();
    }

    /** Distinct batches among the bulk requests, told apart by the id of their first document. */
    int distinctBatches() {
        return batches.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean bulk = path.equals("/_bulk");
            int bulkNumber = 0;
            int templateNumber = 0;
            if (bulk) {
                bulkNumber = bulkRequests.incrementAndGet();
                mostOutstandingBulk.accumulateAndGet(outstandingBulk.incrementAndGet(), Math::max);
                batches.add(firstId(body));
            } else if (path.startsWith("/_index_template/")) {
                templateNumber = templateRequests.incrementAndGet();
            }
            try {
                reply(exchange, body, script.apply(new Request(exchange.getRequestMethod(), path, bulkNumber, templateNumber)));
            } finally {
                if (bulk) {
                    outstandingBulk.decrementAndGet();
                }
            }
        }
    }

    private void reply(HttpExchange exchange, byte[] body, Reply reply) throws IOException {
        if (reply instanceof Forward) {
            HttpResponse<byte[]> response = forward(exchange, body);
            send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } else if (reply instanceof Answer answer) {
            send(exchange, answer.status(), "application/json", JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("status", answer.status())
                    .set("error", error(answer.type()))));
        } else if (reply instanceof ForwardThenDrop) {
            forward(exchange, body);
        } else if (reply instanceof FailItems failItems) {
            send(exchange, 200, "application/json", failItems(exchange, body, failItems));
        }
        // Drop, and ForwardThenDrop after forwarding: closing the exchange without a response closes the connection
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Content-Type", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    /** Sends the items the script lets through to Elasticsearch and answers the rest with the scripted error. */
    private byte[] failItems(HttpExchange exchange, byte[] body, FailItems f) throws IOException {
        List<String> lines = lines(body);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        List<JsonNode> actions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            actions.add(JSON.readTree(lines.get(i)));
            if (!f.failing().test(i / 2)) {
                passed.writeBytes((lines.get(i) + "\n" + lines.get(i + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Iterator<JsonNode> forwarded = List.<JsonNode>of().iterator();
        if (passed.size() > 0) {
            forwarded = JSON.readTree(forward(exchange, passed.toByteArray()).body()).path("items").iterator();
        }
        ObjectNode response = JSON.createObjectNode().put("took", 1).put("errors", true);
        ArrayNode items = response.putArray("items");
        for (int i = 0; i < actions.size(); i++) {
            if (f.failing().test(i)) {
                JsonNode action = actions.get(i).path("create");
                items.addObject().putObject("create")
                        .put("_index", action.path("_index").asText())
                        .put("_id", action.path("_id").asText())
                        .put("status", f.status())
                        .set("error", error(f.type()));
            } else {
                items.add(forwarded.next());
            }
        }
        return JSON.writeValueAsBytes(response);
    }

    private static ObjectNode error(String type) {
        return JSON.createObjectNode().put("type", type).put("reason", "scripted by the test proxy");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
        if (body.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static List<String> lines(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
    }

    private static String firstId(byte[] body) throws IOException {
        String first = lines(body).stream().findFirst().orElse("{}");
        return JSON.readTree(first).path("create").path("_id").asText();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
