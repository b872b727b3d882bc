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
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logsearch poll} as a child JVM against logsearch's ThousandEyes facade over another index
 * base: SIGKILLed mid-run and run again, or stopped with SIGTERM (which finishes the page in hand and
 * saves the checkpoint) and run again, it ends with every record exactly once.
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
class PollIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "poll-it-token-0123456789";
    private static final int EVENTS = 3_000;

    private static TestElasticsearch es;
    private static ElasticsearchClient client;
    private static EsEventStore vendor;
    private static Javalin server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestElasticsearch elasticsearch, @TempDir Path tokensDir) throws IOException {
        es = elasticsearch;
        client = EsClients.create(EsSettings.of(es.url()));
        vendor = EsEventStore.on(client, new Partitioning(es.indexBase() + "-vendor", Granularity.MONTHLY), 0);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(EVENTS, 10, 21, Instant.now().minus(Duration.ofDays(1))), export);
        new Loader(vendor, BulkSettings.DEFAULTS).load(Sources.byId("thousandeyes"), SourceContext.EMPTY,
                List.of(ExportInput.of("export", () -> new ByteArrayInputStream(export.toByteArray()))), rejected -> {
                    throw new AssertionError("a fixture record was rejected: " + rejected);
                }, new LoadCounters());
        Path tokens = tokensDir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"name\": \"poll\", \"sha256\": \"" + Tokens.sha256Hex(TOKEN)
                + "\", \"organizations\": [\"*\"], \"scopes\": [\"search\"]}]}");
        Tokens configured = Tokens.read(tokens);
        server = ApiServer.start("127.0.0.1", Ports.free(), cfg -> {
            cfg.store = vendor;
            cfg.cursorSecret = Optional.of("poll IT cursor secret, 32 bytes!".getBytes(StandardCharsets.UTF_8));
            cfg.tokens = Optional.of(configured);
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        client._transport().close();
    }

    @Test
    void killedMidRunAndRunAgainEveryRecordIsThereExactlyOnce() throws Exception {
        String copy = es.indexBase() + "-killed";
        Path checkpoint = dir.resolve("checkpoint.json");
        Path firstOutput = dir.resolve("first.txt");
        Process first = poll(copy, checkpoint, firstOutput, "--once");
        awaitSomeButNotAll(first, copy, firstOutput);
        first.destroyForcibly();
        assertTrue(first.waitFor(1, TimeUnit.MINUTES));
        long afterKill = documents(copy).size();
        assertTrue(afterKill < EVENTS, "killed mid-run: " + afterKill);

        Path secondOutput = dir.resolve("second.txt");
        long[] counts = summary(finish(poll(copy, checkpoint, secondOutput, "--once"), secondOutput, 0));
        assertEquals(0, counts[3], "rejected");
        assertEquals(documents(vendor.base()), documents(copy), "every record once, as the vendor has it");
        assertEquals(EVENTS, documents(copy).size());
        assertTrue(counts[1] <= EVENTS - afterKill + 100, "the second run resumed at the checkpoint's page: " + counts[1]);
    }

    @Test
    void sigtermFinishesThePageInHandAndSavesTheCheckpoint() throws Exception {
        String copy = es.indexBase() + "-terminated";
        Path checkpoint = dir.resolve("checkpoint.json");
        Path firstOutput = dir.resolve("first.txt");
        Process first = poll(copy, checkpoint, firstOutput, "--interval", "1h");
        awaitSomeButNotAll(first, copy, firstOutput);
        first.destroy();
        assertTrue(first.waitFor(2, TimeUnit.MINUTES), "SIGTERM stops the poller");
        long stoppedAt = documents(copy).size();
        assertTrue(stoppedAt % 100 == 0 && stoppedAt < EVENTS, "whole pages, not all: " + stoppedAt);
        JsonNode saved = JSON.readTree(checkpoint.toFile()).path("checkpoints");
        assertTrue(saved.elements().next().has("pending"), "the checkpoint holds the next page: " + saved);

        Path secondOutput = dir.resolve("second.txt");
        long[] counts = summary(finish(poll(copy, checkpoint, secondOutput, "--once"), secondOutput, 0));
        assertEquals(EVENTS - stoppedAt, counts[1], "the run goes on at the next page: " + Files.readString(secondOutput));
        assertEquals(documents(vendor.base()), documents(copy));
        assertFalse(Files.readString(firstOutput).contains(TOKEN), "the token is never printed");
    }

    private Process poll(String base, Path checkpoint, Path output, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "logsearch.jar").toAbsolutePath().toString(), "poll", "--source", "thousandeyes",
                "--url", "http://127.0.0.1:" + server.port() + "/compat/thousandeyes/v7", "--index", base, "--partition", "monthly",
                "--checkpoint", checkpoint.toString(), "--dead-letter", dir.resolve("rejected.ndjson").toString()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ES_URL", es.url());
        builder.environment().put(PollCommand.TOKEN_ENV, TOKEN);
        return builder.start();
    }

    private void awaitSomeButNotAll(Process poller, String base, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (documents(base).size() < 300) {
            assertTrue(poller.isAlive(), "the poller ended before it could be interrupted:\n" + Files.readString(output));
            assertTrue(Instant.now().isBefore(deadline), "the poller made no progress:\n" + Files.readString(output));
            Thread.sleep(100);
        }
    }

    private static String finish(Process process, Path output, int expectedExit) throws Exception {
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "poll finished");
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    /** read, indexed, duplicates, rejected of the summary line. */
    private static long[] summary(String output) {
        Matcher m = Pattern.compile("^read=(\\d+) indexed=(\\d+) duplicates=(\\d+) rejected=(\\d+) elapsed=", Pattern.MULTILINE).matcher(output);
        assertTrue(m.find(), output);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private static Map<String, String> documents(String base) throws IOException {
        return StoredOriginals.of(client, base);
    }
}
