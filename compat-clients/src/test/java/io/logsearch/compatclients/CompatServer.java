package io.logsearch.compatclients;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.logsearch.api.auth.Tokens;
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
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * logsearch's standalone API server on a free loopback port, over a test class's own index base on a
 * real Elasticsearch; exports are loaded through the real {@link Loader}. (The minimal pieces of
 * search-api's own test helper, which is package-private in that module's tests.)
 */
final class CompatServer implements AutoCloseable {

    private final ElasticsearchClient client;
    private final EsEventStore index;
    private final Javalin server;

    private CompatServer(ElasticsearchClient client, EsEventStore index, Javalin server) {
        this.client = client;
        this.index = index;
        this.server = server;
    }

    /** Starts the API; {@code tokens} maps each bearer token to the organizations it may see ({@code "*"} for all). */
    static CompatServer start(TestElasticsearch es, Optional<Map<String, List<String>>> tokens) throws IOException {
        return start(es, es.indexBase(), tokens);
    }

    /** As {@link #start(TestElasticsearch, Optional)}, over the partitions of index base {@code base}. */
    static CompatServer start(TestElasticsearch es, String base, Optional<Map<String, List<String>>> tokens) throws IOException {
        Optional<Tokens> configured = tokens.isEmpty() ? Optional.empty() : Optional.of(tokensFile(tokens.get()));
        ElasticsearchClient client = EsClients.create(EsSettings.of(es.url()));
        // monthly partitions: the fixtures span weeks, and one index per day would only slow the load down
        EsEventStore index = EsEventStore.on(client, new Partitioning(base, Granularity.MONTHLY), 0);
        Javalin server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> {
            cfg.store = index;
            cfg.cursorSecret = Optional.of("compat-clients test cursor secret".getBytes(StandardCharsets.UTF_8));
            cfg.tokens = configured;
        });
        return new CompatServer(client, index, server);
    }

    private static Tokens tokensFile(Map<String, List<String>> tokens) throws IOException {
        List<String> entries = new ArrayList<>();
        tokens.forEach((token, organizations) -> entries.add(
                "{\"name\": \"token-%d\", \"sha256\": \"%s\", \"organizations\": [%s], \"scopes\": [\"search\"]}".formatted(
                        entries.size() + 1, Tokens.sha256Hex(token),
                        organizations.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(", ")))));
        Path file = Files.createTempFile("compat-clients-tokens", ".json");
        try {
            Files.writeString(file, "{\"tokens\": [\n  " + String.join(",\n  ", entries) + "\n]}");
            return Tokens.read(file);
        } finally {
            Files.delete(file);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Loads one export of {@code source} (every record must be accepted) and makes it searchable. */
    LoadSummary load(String source, SourceContext context, String export) throws IOException {
        LoadSummary summary = new Loader(index, BulkSettings.DEFAULTS).load(Sources.byId(source), context,
                List.of(ExportInput.of(source + "-export", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))),
                rejected -> {
                    throw new AssertionError("the loader rejected a fixture record: " + rejected);
                }, new LoadCounters());
        client.indices().refresh(r -> r.index(index.partitions().allPartitions()).ignoreUnavailable(true).allowNoIndices(true));
        return summary;
    }

    /** Makes every partition refuse reads, so that each search fails in Elasticsearch (a cluster block, status 403). */
    void blockReads() throws IOException {
        client.indices().putSettings(s -> s.index(index.partitions().allPartitions()).settings(settings -> settings.blocks(b -> b.read(true))));
    }

    @Override
    public void close() throws IOException {
        server.stop();
        client._transport().close();
    }
}
