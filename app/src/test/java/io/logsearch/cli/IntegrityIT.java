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
}
