package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.logsearch.api.auth.Tokens;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.load.LoadCounters;
import io.logsearch.indexer.load.Loader;
import io.logsearch.indexer.read.ExportInput;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestCertificates;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --poll FILE} as a child JVM, polling two sources of another logsearch (its
 * ThousandEyes and Onehub facades over a second index base) into the index it serves, and a third
 * whose token the vendor refuses: every record arrives once, later ones on the next round, the
 * refused source stops alone and says why, {@code /health} shows each poller's state without a
 * credential, and SIGTERM leaves the checkpoints saved.
 */
@ExtendWith(RealElasticsearch.class)
class ServePollIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "serve-poll-it-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestElasticsearch es;
    private static ElasticsearchClient client;
    private static EsEventStore vendor;
    private static Javalin vendorServer;

    @BeforeAll
    static void start(TestElasticsearch elasticsearch, @TempDir Path tokensDir) throws IOException {
        es = elasticsearch;
        client = EsClients.create(EsSettings.of(es.url()));
        vendor = EsEventStore.on(client, new Partitioning(es.indexBase() + "-vendor", Granularity.MONTHLY), 0);
        load("thousandeyes", 500, 5, Instant.now().minus(Duration.ofDays(2)));
        load("onehub", 300, 5, Instant.now().minus(Duration.ofDays(2)));
        Path tokens = Files.writeString(TestCertificates.ownerOnly(tokensDir.resolve("tokens.json")), "{\"tokens\": [{\"name\": \"poll\", \"sha256\": \""
                + Tokens.sha256Hex(TOKEN) + "\", \"organizations\": [\"*\"], \"scopes\": [\"search\"]}]}");
        Tokens configured = Tokens.read(tokens);
        vendorServer = ApiServer.start("127.0.0.1", Ports.free(), cfg -> {
            cfg.store = vendor;
            cfg.cursorSecret = Optional.of("serve poll IT cursor secret, 32b".getBytes(StandardCharsets.UTF_8));
            cfg.tokens = Optional.of(configured);
            cfg.accessLog = false;
        });
    }

    @AfterAll
    static void stop() throws IOException {
        vendorServer.stop();
        client._transport().close();
    }

    @Test
    void pollsEverySourceIntoTheServedIndexAndReportsEachInHealth(@TempDir Path dir) throws Exception {
        String copy = es.indexBase() + "-served";
        String vendorUrl = "http://127.0.0.1:" + vendorServer.port() + "/compat";
        Path config = Files.writeString(TestCertificates.ownerOnly(dir.resolve("pollers.json")), """
                {"pollers": [
                  {"source": "thousandeyes", "url": "%1$s/thousandeyes/v7", "token": "${SERVE_POLL_TOKEN}", "interval": "2s",
                   "overlap": "3d", "checkpoint": "%2$s"},
                  {"source": "onehub", "url": "%1$s/onehub", "token": "%3$s", "interval": "2s", "overlap": "3d", "checkpoint": "%2$s"},
                  {"source": "thousandeyes", "url": "%1$s/thousandeyes/v7", "token": "wrong-token-value", "aid": "1",
                   "checkpoint": "%2$s"}
                ]}
                """.formatted(vendorUrl, dir.resolve("checkpoints.json"), TOKEN));
        int port = Ports.free();
        Path output = dir.resolve("serve.txt");
        Process serve = Launcher.start(Map.of("ES_URL", es.url(), "SERVE_POLL_TOKEN", TOKEN), output, "serve", "--port", Integer.toString(port),
                "--index", copy, "--partition", "monthly", "--poll", config.toString());
        try {
            JsonNode pollers = awaitPollers(serve, port, output, p -> p.get(0).path("total").path("indexed").asLong() == 500
                    && p.get(1).path("total").path("indexed").asLong() == 300 && p.get(2).path("state").asText().equals("stopped"));
            assertEquals("pollers[0] (thousandeyes)", pollers.get(0).path("name").asText());
            assertEquals("waiting", pollers.get(0).path("state").asText(), pollers.toString());
            assertTrue(pollers.get(0).has("nextRun") && pollers.get(0).has("lastSuccess"), pollers.toString());
            assertEquals(0, pollers.get(1).path("failedRuns").asLong(), pollers.toString());
            String refused = pollers.get(2).path("error").asText();
            assertTrue(refused.contains("thousandeyes refused the bearer token"), refused);
            assertEquals(documents(vendor.base()), documents(copy), "every record once, as the vendor has it");

            load("thousandeyes", 40, 1, Instant.now().minus(Duration.ofHours(1)));
            pollers = awaitPollers(serve, port, output, p -> p.get(0).path("total").path("indexed").asLong() == 540);
            assertEquals(documents(vendor.base()), documents(copy), "the later records arrive on the next round, the earlier ones are not written again");
            assertTrue(pollers.get(0).path("total").path("duplicates").asLong() > 0, "the overlap re-reads, harmlessly: " + pollers);
            assertEquals(1, pollers.get(2).path("runs").asLong(), "the refused source is not asked again: " + pollers);

            String health = get("http://127.0.0.1:" + port + "/health").body();
            assertFalse(health.contains(TOKEN) || health.contains("wrong-token-value"), health);
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(2, TimeUnit.MINUTES), "serve stops on SIGTERM:\n" + Files.readString(output));
        }
        String printed = Files.readString(output);
        assertFalse(printed.contains(TOKEN) || printed.contains("wrong-token-value"), printed);
        assertTrue(printed.contains("logsearch: poll pollers[2] (thousandeyes): thousandeyes refused the bearer token"), printed);
        JsonNode saved = JSON.readTree(dir.resolve("checkpoints.json").toFile()).path("checkpoints");
        assertEquals(2, saved.size(), "the two sources' checkpoints, none for the refused one: " + saved);
    }

    private static JsonNode awaitPollers(Process serve, int port, Path output, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode pollers = JSON.missingNode();
        while (Instant.now().isBefore(deadline)) {
            assertTrue(serve.isAlive(), "serve ended:\n" + Files.readString(output));
            if (Ports.listening(port)) {
                HttpResponse<String> health = get("http://127.0.0.1:" + port + "/health");
                assertEquals(200, health.statusCode(), health.body());
                pollers = JSON.readTree(health.body()).path("pollers");
                assertEquals(3, pollers.size(), health.body());
                if (done.test(pollers)) {
                    return pollers;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the pollers did not get there: " + pollers + "\n" + Files.readString(output));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void load(String source, int events, int days, Instant end) throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource(source).write(new GeneratorSpec(events, days, events, end), export);
        new Loader(vendor, BulkSettings.DEFAULTS).load(Sources.byId(source), SourceContext.EMPTY,
                List.of(ExportInput.of(source + " export", () -> new ByteArrayInputStream(export.toByteArray()))), rejected -> {
                    throw new AssertionError("a fixture record was rejected: " + rejected);
                }, new LoadCounters());
    }

    private static Map<String, String> documents(String base) throws IOException {
        return StoredOriginals.of(client, base);
    }
}
