package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./logsearch load} as a user runs it: killed half-way and run again, from stdin, with rejections. */
@ExtendWith(RealElasticsearch.class)
class LoadIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant UNTIL = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path generate(String source, long events) throws Exception {
        Path file = dir.resolve(source + ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportGenerator.forSource(source).write(new GeneratorSpec(events, 20, 5, UNTIL), out);
        }
        return file;
    }

    private static long count(TestElasticsearch es, String base) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(es.url() + "/" + base + "-*/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(es.url() + "/" + base + "-*/_count?allow_no_indices=true")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String finish(Process process, Path output, int expectedExit) throws Exception {
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "load finished");
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    @Test
    void aLoadKilledHalfWayAndRunAgainEndsWithEveryRecordExactlyOnce(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-killed";
        Path export = generate("thousandeyes", 60_000);
        Path firstOutput = dir.resolve("first.txt");
        Process first = Launcher.start(Map.of("ES_URL", es.url()), firstOutput,
                "load", "--source", "thousandeyes", "--index", base, export.toString());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (count(es, base) < 5_000) {
            assertTrue(first.isAlive(), "the first load ended before it could be interrupted:\n" + Files.readString(firstOutput));
            assertTrue(Instant.now().isBefore(deadline), "the first load made no progress");
            Thread.sleep(100);
        }
        first.destroyForcibly();
        first.waitFor();
        long afterKill = count(es, base);
        assertTrue(afterKill < 60_000, "killed before the end: " + afterKill);

        Path secondOutput = dir.resolve("second.txt");
        String summary = finish(Launcher.start(Map.of("ES_URL", es.url()), secondOutput,
                "load", "--source", "thousandeyes", "--index", base, export.toString()), secondOutput, 0);
        Matcher counts = Pattern.compile("^read=(\\d+) indexed=(\\d+) duplicates=(\\d+) rejected=(\\d+) elapsed=", Pattern.MULTILINE).matcher(summary);
        assertTrue(counts.find(), summary);
        assertEquals(60_000, Long.parseLong(counts.group(1)));
        assertEquals(60_000, Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3)));
        assertEquals(0, Long.parseLong(counts.group(4)));
        assertEquals(60_000, count(es, base));
    }

    @Test
    void standardInputIsAnExport(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-stdin";
        Path export = generate("authing", 700);
        Path output = dir.resolve("stdin.txt");
        ProcessBuilder load = Launcher.command(Map.of("ES_URL", es.url()), output,
                "load", "--source", "authing", "--index", base, "-");
        load.redirectInput(export.toFile());
        String summary = finish(load.start(), output, 0);
        assertTrue(summary.contains("read=700 indexed=700 duplicates=0 rejected=0"), summary);
        assertEquals(700, count(es, base));
    }

    @Test
    void anExportLoadedAsAnotherSourceIsCountedInRecordsAndTheHintNamesItsSource(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-wrong-source";
        Path export = generate("actionhub", 300);
        Path output = dir.resolve("wrong.txt");
        ProcessBuilder load = Launcher.command(Map.of("ES_URL", es.url()), output, "load", "--source", "thousandeyes", "--index", base,
                "--dead-letter", dir.resolve("wrong-rejected.ndjson").toString(), export.toString());
        String text = finish(load.start(), output, 3);
        assertTrue(text.contains("read=300 indexed=0 duplicates=0 rejected=300"), text);
        assertTrue(text.contains(export + ": 300 of 300 records were rejected as thousandeyes; these look like actionhub records;"
                + " try --source actionhub"), text);
    }

    @Test
    void aDamagedValueInAPrettyPrintedPageCostsOnlyItsRecord(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-damaged";
        StringBuilder page = new StringBuilder("{\n  \"auditEvents\": [\n");
        for (int i = 1; i <= 6; i++) {
            page.append("    {\n      \"date\": \"2024-05-01T10:00:0").append(i).append("Z\",\n      \"event\": \"Login successful.\",\n")
                    .append("      \"uid\": ").append(i == 2 ? "" : "\"" + i + "\"").append(",\n      \"aid\": \"7\"\n    }")
                    .append(i < 6 ? ",\n" : "\n");
        }
        Path export = dir.resolve("pretty.json");
        Files.writeString(export, page.append("  ]\n}\n").toString());
        Path deadLetter = dir.resolve("damaged-rejected.ndjson");
        Path output = dir.resolve("damaged.txt");
        String text = finish(Launcher.command(Map.of("ES_URL", es.url()), output, "load", "--source", "thousandeyes", "--index", base,
                "--dead-letter", deadLetter.toString(), export.toString()).start(), output, 3);
        assertTrue(text.contains("read=6 indexed=5 duplicates=0 rejected=1"), text);
        assertEquals(5, count(es, base));
        List<String> lines = Files.readAllLines(deadLetter);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"position\":\"record 2 (line 9, column 5)\""), lines.get(0));
    }

    @Test
    void rejectedRecordsGoToTheDefaultDeadLetterFileAndExitThree(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-rejects";
        Path export = dir.resolve("history.ndjson");
        Files.writeString(export, """
                {"timestamp":"2024-05-01T10:00:00Z","event_type":"asset_viewed","asset_id":"a1","asset_name":"Report"}
                {"timestamp":"not a time","event_type":"asset_viewed","asset_id":"a2","asset_name":"Report"}
                {"timestamp":"2024-05-01T10:00:02Z","event_type":"asset_viewed","asset_id":"a3","asset_name":"Report"
                """);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path output = dir.resolve("rejects.txt");
        ProcessBuilder load = Launcher.command(Map.of("ES_URL", es.url()), output,
                "load", "--source", "actionhub", "--user-id", "u1", "--program-id", "p1", "--index", base, export.toString());
        load.directory(work.toFile());
        String summary = finish(load.start(), output, 3);
        assertTrue(summary.contains("read=3 indexed=1 duplicates=0 rejected=2"), summary);

        List<Path> deadLetters;
        try (Stream<Path> files = Files.list(work)) {
            deadLetters = files.filter(p -> p.getFileName().toString().matches("logsearch-rejected-\\d{8}T\\d{6}Z\\.ndjson")).toList();
        }
        assertEquals(1, deadLetters.size(), "one dead-letter file in the working directory");
        List<String> lines = Files.readAllLines(deadLetters.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"position\":\"record 2 (line 2, column 1)\"") && lines.get(0).contains("timestamp"), lines.get(0));
        assertTrue(lines.get(1).contains("\"position\":\"record 3 (line 3") && lines.get(1).contains("invalid JSON"), lines.get(1));

        Path clean = Files.createDirectories(dir.resolve("clean"));
        Path okOutput = dir.resolve("ok.txt");
        Path good = dir.resolve("good.ndjson");
        Files.writeString(good, "{\"timestamp\":\"2024-05-01T11:00:00Z\",\"event_type\":\"asset_viewed\",\"asset_id\":\"a9\",\"asset_name\":\"R\"}\n");
        ProcessBuilder ok = Launcher.command(Map.of("ES_URL", es.url()), okOutput,
                "load", "--source", "actionhub", "--user-id", "u1", "--program-id", "p1", "--index", base, good.toString());
        ok.directory(clean.toFile());
        finish(ok.start(), okOutput, 0);
        try (Stream<Path> files = Files.list(clean)) {
            assertEquals(0, files.count(), "no dead-letter file without rejections");
        }
    }
}
