package io.logsearch.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The API served by the standalone server on a free port, against a test class's own index on a
 * real Elasticsearch. Every response is checked against {@code openapi.yaml}.
 */
public final class TestApi implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final ElasticsearchClient client;
    public final EsEventStore index;
    private final Javalin server;
    public final String base;

    /** One response, its body also parsed when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private TestApi(ElasticsearchClient client, EsEventStore index, Javalin server) {
        this.client = client;
        this.index = index;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    public static TestApi start(TestElasticsearch es, Consumer<LogSearchConfig> config) {
        return start(es, es.url(), config);
    }

    /** As {@link #start(TestElasticsearch, Consumer)}, reaching the test class's Elasticsearch at {@code elasticsearchUrl} (a proxy). */
    public static TestApi start(TestElasticsearch es, String elasticsearchUrl, Consumer<LogSearchConfig> config) {
        ElasticsearchClient client = EsClients.create(EsSettings.of(elasticsearchUrl));
        EsEventStore index = EsEventStore.on(client, Partitioning.daily(es.indexBase()), 0);
        Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> {
            cfg.store = index;
            cfg.cursorSecret = java.util.Optional.of("a test secret of sufficient length".getBytes(StandardCharsets.UTF_8));
            config.accept(cfg);
        });
        return new TestApi(client, index, server);
    }

    /** Loads ECS documents (one JSON object per element) and makes them searchable. */
    public LoadSummary loadEcs(List<String> documents) {
        return load("ecs", SourceContext.EMPTY, String.join("\n", documents));
    }

    public LoadSummary load(String source, SourceContext context, String export) {
        try {
            LoadSummary summary = new Loader(index, BulkSettings.DEFAULTS).load(Sources.byId(source), context,
                    List.of(ExportInput.of("test", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))),
                    r -> { throw new AssertionError("rejected: " + r); }, new LoadCounters());
            refresh();
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()).ignoreUnavailable(true).allowNoIndices(true));
    }

    public Response get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** A GET with a body, as some vendor APIs (Onehub) document their parameters. */
    public Response get(String pathAndQuery, byte[] body, String... headers) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    public Response post(String pathAndQuery, byte[] body, String... headers) {
        return send("POST", pathAndQuery, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** Follows an absolute link the API returned. */
    public Response follow(String href, String... headers) {
        if (!href.startsWith(base)) {
            throw new AssertionError("link " + href + " does not point at this server " + base);
        }
        return get(href.substring(base.length()), headers);
    }

    /** A POST whose body is streamed, so it goes without {@code Content-Length} (chunked). */
    public Response postStreamed(String pathAndQuery, byte[] body, String... headers) {
        return send("POST", pathAndQuery, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    /**
     * A request {@code openapi.yaml} cannot describe (a path it does not have, a method a path
     * does not take): the answer must be a problem of the document's generic {@code Problem} schema.
     */
    public Response undocumented(String method, String pathAndQuery, String... headers) {
        Response result = exchange(method, pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers);
        OpenApiContract.assertProblem(result.status(), result.headers(), result.body());
        return result;
    }

    private Response send(String method, String pathAndQuery, HttpRequest.BodyPublisher body, String... headers) {
        Response result = exchange(method, pathAndQuery, body, headers);
        OpenApiContract.assertValid(method, pathAndQuery, result.status(), result.headers(), result.body());
        return result;
    }

    private Response exchange(String method, String pathAndQuery, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The {@code event.id}s of a response's events, in order. */
    public static List<String> ids(Response response) {
        List<String> ids = new ArrayList<>();
        response.json().get("events").forEach(e -> ids.add(e.at("/event/id").asText()));
        return ids;
    }

    @Override
    public void close() throws IOException {
        server.stop();
        client._transport().close();
    }
}
