package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.integrity.SigningKeys;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code seal} and {@code verify} on a real node: appends are sealed, tampering through Elasticsearch is named. */
@ExtendWith(RealElasticsearch.class)
class IntegrityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static int send(String method, String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", url.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
        assertTrue(!response.body().contains("\"errors\":true"), response.body());
        return response.statusCode();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static void bulk(TestElasticsearch es, String base, int events) throws Exception {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < events; i++) {
            String day = i < events / 2 ? "01" : "02";
            String id = String.format("ev-%04d", i);
            bulk.append("{\"create\":{\"_index\":\"").append(base).append("-2026.11.").append(day)
                    .append("\",\"_id\":\"").append(id).append("\"}}\n").append(event(id, day, i, "login")).append('\n');
        }
        send("POST", es.url() + "/_bulk?refresh=true", bulk.toString());
    }

    private static String event(String id, String day, int i, String action) {
        return "{\"@timestamp\":\"2026-11-" + day + "T" + String.format("%02d:%02d:00Z", i % 24, i % 60)
                + "\",\"event\":{\"id\":\"" + id + "\",\"action\":\"" + action + "\"},\"message\":\"event " + i + "\"}";
    }

    private String run(TestElasticsearch es, int expectedExit, String... args) throws Exception {
        Path output = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process process = Launcher.start(Map.of("ES_URL", es.url()), output, args);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished");
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    @Test
    void tamperingThroughElasticsearchIsNamedAndAppendsAreSealed(TestElasticsearch es) throws Exception {
        String base = es.indexBase();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String day = i % 2 == 0 ? "01" : "02";
            String id = String.format("ev-%04d", i);
            bulk.append("{\"create\":{\"_index\":\"").append(base).append("-2026.11.").append(day)
                    .append("\",\"_id\":\"").append(id).append("\"}}\n").append(event(id, day, i, "login")).append('\n');
        }
        send("POST", es.url() + "/_bulk?refresh=true", bulk.toString());
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        String digests = dir.resolve("digests").toString();
        String[] seal = {"seal", "--index=" + base, "--digest-dir", digests, "--keys", dir.resolve("keys").toString()};
        String[] verify = {"verify", "--index=" + base, "--digest-dir", digests,
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString()};

        String sealed = run(es, 0, seal);
        assertTrue(sealed.contains("sealed " + base + "-2026.11.01 version 1: 150 events"), sealed);
        assertTrue(sealed.contains("sealed=2 refused=0"), sealed);
        String clean = run(es, 0, verify);
        assertTrue(clean.contains(base + "-2026.11.01 (digest version 1): intact\n"), clean);
        assertTrue(clean.endsWith("intact\n"), clean);

        send("PUT", es.url() + "/" + base + "-2026.11.01/_create/ev-late?refresh=true", event("ev-late", "01", 5, "logout"));
        String appended = run(es, 0, seal);
        assertTrue(appended.contains("sealed " + base + "-2026.11.01 version 2: 151 events"), appended);
        assertTrue(appended.contains("sealed=1 refused=0"), appended);
        assertTrue(run(es, 0, verify).contains(base + "-2026.11.01 (digest version 2): intact\n"));

        send("PUT", es.url() + "/" + base + "-2026.11.01/_doc/ev-0010?refresh=true", event("ev-0010", "01", 10, "logout"));
        send("DELETE", es.url() + "/" + base + "-2026.11.02/_doc/ev-0021?refresh=true", "");
        send("PUT", es.url() + "/" + base + "-2026.11.02/_create/forged?refresh=true", event("forged", "02", 3, "login"));
        String tampered = run(es, 4, verify);
        assertTrue(tampered.contains(base + "-2026.11.01 (digest version 2): 1 modified: ev-0010\n"), tampered);
        assertTrue(tampered.contains(base + "-2026.11.02 (digest version 1): 1 deleted: ev-0021; 1 inserted: forged\n"), tampered);
        assertTrue(tampered.endsWith("TAMPERING FOUND\n"), tampered);

        String refused = run(es, 4, seal);
        assertTrue(refused.contains("sealed=0 refused=2"), refused);
        try (var files = Files.list(dir.resolve("digests"))) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".digest.json")).count(), "no digest hides the tampering");
        }
    }

    @Test
    void aSwappedKeyAnAlteredDigestAndADeletedDigestAreEachReported(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-keys";
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String day = i < 10 ? "01" : "02";
            String id = String.format("ev-%04d", i);
            bulk.append("{\"create\":{\"_index\":\"").append(base).append("-2026.11.").append(day)
                    .append("\",\"_id\":\"").append(id).append("\"}}\n").append(event(id, day, i, "login")).append('\n');
        }
        send("POST", es.url() + "/_bulk?refresh=true", bulk.toString());
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        SigningKeys.write(SigningKeys.generate(), dir.resolve("other"));
        Path digests = dir.resolve("digests");
        run(es, 0, "seal", "--index=" + base, "--digest-dir", digests.toString(), "--keys", dir.resolve("keys").toString());

        String swapped = run(es, 4, "verify", "--index=" + base, "--digest-dir", digests.toString(),
                "--public-key", dir.resolve("other").resolve(SigningKeys.PUBLIC_KEY_FILE).toString());
        assertTrue(swapped.contains(base + "-2026.11.01 (digest version 1): signature invalid\n"), swapped);
        assertTrue(swapped.contains(base + "-2026.11.02 (digest version 1): signature invalid\n"), swapped);

        String[] verify = {"verify", "--index=" + base, "--digest-dir", digests.toString(),
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString()};
        Path second = digests.resolve(base + "-2026.11.02.v1.digest.json");
        Files.writeString(second, Files.readString(second).replace("\"documentCount\":10", "\"documentCount\":9"));
        String altered = run(es, 4, verify);
        assertTrue(altered.contains(base + "-2026.11.02 (digest version 1): signature invalid; stored leaves do not match"
                + " the signed digest\n"), altered);
        assertTrue(altered.contains(base + "-2026.11.01 (digest version 1): intact\n"), altered);

        Files.delete(digests.resolve(base + "-2026.11.01.v1.digest.json"));
        String deleted = run(es, 4, verify);
        assertTrue(deleted.contains(base + "-2026.11.01 (no digest): 10 inserted: ev-0000 "), deleted);
        assertTrue(deleted.contains("chain broken: no digest starts the chain\n"), deleted);
        assertTrue(deleted.contains("chain broken: the digest before " + base + "-2026.11.02 version 1 (hash "), deleted);

        send("DELETE", es.url() + "/" + base + "-2026.11.02", "");
        String dropped = run(es, 4, verify);
        assertTrue(dropped.contains(base + "-2026.11.02 (digest version 1): signature invalid; stored leaves do not match"
                + " the signed digest; 10 deleted: ev-0010 ev-0011 "), dropped);
    }

    @Test
    void theDigestsIndexIsHiddenFromTheEventsAndEachStoreChecksTheOther(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-stores";
        bulk(es, base, 20);
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        Path digests = dir.resolve("digests");
        String[] seal = {"seal", "--index=" + base, "--digest-dir", digests.toString(), "--keys", dir.resolve("keys").toString()};
        String[] verify = {"verify", "--index=" + base, "--digest-dir", digests.toString(),
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString()};
        run(es, 0, seal);

        String index = base + "-digests";
        assertTrue(get(es.url() + "/" + index + "/_settings").contains("\"hidden\":\"true\""));
        String mapping = get(es.url() + "/" + index + "/_mapping");
        assertTrue(!mapping.contains("@timestamp") && mapping.contains("\"bytes\""), "its own mapping, not the events': " + mapping);
        assertTrue(get(es.url() + "/" + base + "-*/_count").contains("\"count\":20,"), "the events' pattern sees only the events");
        assertTrue(get(es.url() + "/" + index + "/_count?q=kind:record").contains("\"count\":2,"));
        assertTrue(!get(es.url() + "/" + index + "/_doc/" + base + "-2026.11.01.v1").contains(SigningKeys.PRIVATE_KEY_FILE));

        Path leaves = digests.resolve(base + "-2026.11.01.v1.leaves.ndjson");
        Files.delete(leaves);
        send("DELETE", es.url() + "/" + base + "-2026.11.01/_doc/ev-0003?refresh=true", "");
        String fromIndex = run(es, 4, verify);
        assertTrue(fromIndex.contains(base + "-2026.11.01 (digest version 1): 1 deleted: ev-0003\n"), "named from the index's leaves: " + fromIndex);

        String stored = get(es.url() + "/" + index + "/_source/" + base + "-2026.11.02.v1");
        String record = new String(java.util.Base64.getDecoder().decode(stored.replaceAll(".*\"bytes\":\"([^\"]+)\".*", "$1")));
        String forged = java.util.Base64.getEncoder().encodeToString(record.replace("\"documentCount\":10", "\"documentCount\":11").getBytes());
        send("PUT", es.url() + "/" + index + "/_doc/" + base + "-2026.11.02.v1?refresh=true", stored.replaceAll("\"bytes\":\"[^\"]+\"", "\"bytes\":\"" + forged + "\""));
        String rewritten = run(es, 4, verify);
        assertTrue(rewritten.contains("digest " + base + "-2026.11.02.v1 differs between the digest directory and the digests index\n"), rewritten);
        assertTrue(rewritten.contains(base + "-2026.11.02 (digest version 1): intact\n"), "the directory's copy is still good: " + rewritten);

        send("DELETE", es.url() + "/" + index + "/_doc/" + base + "-2026.11.02.v1?refresh=true", "");
        String missing = run(es, 4, verify);
        assertTrue(missing.contains("digest " + base + "-2026.11.02.v1 is in the digest directory but missing from the digests index\n"), missing);
        Files.delete(digests.resolve(base + "-2026.11.01.v1.digest.json"));
        String both = run(es, 4, verify);
        assertTrue(both.contains("digest " + base + "-2026.11.01.v1 is in the digests index but missing from the digest directory\n"), both);
        String refused = run(es, 1, seal);
        assertTrue(refused.contains("damaged, so their chain cannot be continued"), refused);
    }

    @Test
    void prunedPartitionsAreRetiredAndVerifyCanBeLimitedToARange(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-retire";
        bulk(es, base, 20);
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        String digests = dir.resolve("digests").toString();
        String keys = dir.resolve("keys").toString();
        String[] verify = {"verify", "--index=" + base, "--digest-dir", digests,
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString()};
        run(es, 0, "seal", "--index=" + base, "--digest-dir", digests, "--keys", keys);

        String day = run(es, 0, concat(verify, "--from", "2026-11-02", "--to", "2026-11-02"));
        assertTrue(day.contains(base + "-2026.11.02 (digest version 1): intact\n") && !day.contains("2026.11.01 ("), day);
        String none = run(es, 0, concat(verify, "--from", "2026-11-03T00:00:00Z"));
        assertTrue(!none.contains("2026.11.0") && none.endsWith("intact\n"), none);
        assertTrue(run(es, 2, concat(verify, "--from", "yesterday")).contains("neither a date"));

        String pruned = run(es, 0, "prune", "--index=" + base, "--older-than", "1d", "--yes", "--digest-dir", digests, "--seal-keys", keys);
        assertTrue(pruned.contains("retired " + base + "-2026.11.01 (digest version 2)\n"), pruned);
        String retired = run(es, 0, verify);
        assertTrue(retired.contains(base + "-2026.11.01 (retired by digest version 2): retired\n"), retired);
        assertTrue(retired.endsWith("intact\n"), retired);
        assertTrue(run(es, 2, "prune", "--index=" + base, "--older-than", "1d", "--yes", "--digest-dir", digests)
                .contains("sealing needs both --seal-keys and --digest-dir"));
    }

    @Test
    void loadSealsWhenKeysAreConfigured(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-load";
        Path export = dir.resolve("authing.ndjson");
        try (var out = Files.newOutputStream(export)) {
            io.logsearch.generator.ExportGenerator.forSource("authing").write(new io.logsearch.generator.GeneratorSpec(
                    200, 3, 5, java.time.Instant.parse("2026-03-01T00:00:00Z")), out);
        }
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        Path output = dir.resolve("load.txt");
        Process load = Launcher.start(Map.of("ES_URL", es.url(), "LOGSEARCH_SEAL_KEYS", dir.resolve("keys").toString(),
                "LOGSEARCH_DIGEST_DIR", dir.resolve("digests").toString()), output,
                "load", "--source", "authing", "--index", base, export.toString());
        assertTrue(load.waitFor(2, TimeUnit.MINUTES), "finished");
        String loaded = Files.readString(output);
        assertEquals(0, load.exitValue(), loaded);
        assertTrue(loaded.contains("refused=0") && loaded.contains("sealed " + base + "-2026."), loaded);
        String verified = run(es, 0, "verify", "--index=" + base, "--digest-dir", dir.resolve("digests").toString(),
                "--public-key", dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE).toString());
        assertTrue(verified.endsWith("intact\n") && !verified.contains("no digest"), verified);
    }

    @Test
    void serveSealsPeriodicallyAndAnswersTheReport(TestElasticsearch es) throws Exception {
        String base = es.indexBase() + "-serve";
        bulk(es, base, 20);
        SigningKeys.write(SigningKeys.generate(), dir.resolve("keys"));
        Path output = dir.resolve("serve.txt");
        Process serve = Launcher.start(Map.of("ES_URL", es.url()), output, "serve", "--index", base, "--port", "0",
                "--seal-keys", dir.resolve("keys").toString(), "--digest-dir", dir.resolve("digests").toString(), "--seal-interval", "2s");
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(output).contains("seal: sealed=2 refused=0")) {
                assertTrue(serve.isAlive() && System.nanoTime() < deadline, "serve seals: " + Files.readString(output));
                Thread.sleep(200);
            }
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("serving http://127.0.0.1:(\\d+)/").matcher(Files.readString(output));
            assertTrue(port.find(), Files.readString(output));
            String report = get("http://127.0.0.1:" + port.group(1) + "/v1/integrity?startDate=2026-11-01&endDate=2026-11-01");
            assertTrue(report.startsWith("{\"intact\":true,\"partitions\":[{\"partition\":\"" + base + "-2026.11.01\",\"intact\":true,"
                    + "\"sealedVersion\":1,"), report);
            assertTrue(!report.contains("2026.11.02"), report);
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "serve stops");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
