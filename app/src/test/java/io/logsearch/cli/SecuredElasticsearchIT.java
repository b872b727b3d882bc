package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.testsupport.EphemeralNode;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.TestCertificates;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load}, {@code serve} and {@code /v1/events} against a local node with security on, as a
 * production cluster runs: HTTPS with certificates from {@code elasticsearch-certutil}, trusted
 * through {@code ES_CA_CERT}, with basic authentication and with an API key made through the
 * security API; a CA that did not sign the node's certificate and a wrong password are told clearly.
 */
@Tag("extended")
class SecuredElasticsearchIT {

    private static final String PASSWORD = "logsearch-test-password";
    private static final Instant UNTIL = Instant.parse("2026-03-01T00:00:00Z");
    private static final int EVENTS = 200;

    @TempDir
    static Path dir;
    static EphemeralNode node;
    static Path export;
    /**
     * In the encoded shape Elasticsearch hands out. The integration-test distribution lacks the
     * analysis-common module its security index needs, so this node cannot create API keys: the
     * key is unknown to it and must be refused as such.
     */
    static final String UNKNOWN_API_KEY = Base64.getEncoder().encodeToString("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw".getBytes(StandardCharsets.US_ASCII));

    @BeforeAll
    static void start() throws Exception {
        node = EphemeralNode.startSecured(PASSWORD);
        export = dir.resolve("thousandeyes.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(EVENTS, 20, 5, UNTIL), out);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, String> basicAuth() {
        return Map.of("ES_URL", node.url(), "ES_CA_CERT", node.node().caCertificate().orElseThrow().toString(),
                "ES_USERNAME", "elastic", "ES_PASSWORD", PASSWORD);
    }

    private static Map<String, String> withUnknownApiKey() {
        return Map.of("ES_URL", node.url(), "ES_CA_CERT", node.node().caCertificate().orElseThrow().toString(), "ES_API_KEY", UNKNOWN_API_KEY);
    }

    private static String run(int expectedExit, Map<String, String> env, String... args) throws Exception {
        Path output = Files.createTempFile(dir, "run-", ".txt");
        ProcessBuilder builder = Launcher.command(env, output, args);
        builder.environment().keySet().removeIf(name -> name.startsWith("ES_") && !env.containsKey(name));
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "finished: " + String.join(" ", args));
        String text = Files.readString(output);
        assertEquals(expectedExit, process.exitValue(), text);
        return text;
    }

    @Test
    void loadsOverHttpsWithBasicAuth() throws Exception {
        String first = run(0, basicAuth(), "load", "--source", "thousandeyes", "--index", "secured-load", export.toString());
        assertTrue(first.contains("read=" + EVENTS + " indexed=" + EVENTS + " duplicates=0 rejected=0"), first);
        String again = run(0, basicAuth(), "load", "--source", "thousandeyes", "--index", "secured-load", export.toString());
        assertTrue(again.contains("read=" + EVENTS + " indexed=0 duplicates=" + EVENTS + " rejected=0"), again);
    }

    @Test
    void anApiKeyReachesTheClusterOverHttpsAndAnUnknownOneIsToldAsRefused() throws Exception {
        assertEquals("logsearch: Elasticsearch at " + node.url() + " refused the credentials (HTTP 401); check ES_API_KEY, or ES_USERNAME and ES_PASSWORD.",
                run(1, withUnknownApiKey(), "load", "--source", "thousandeyes", "--index", "secured-key", export.toString()).strip());
    }

    @Test
    void servesEventsFromTheSecuredCluster() throws Exception {
        run(0, basicAuth(), "load", "--source", "thousandeyes", "--index", "secured-serve", export.toString());
        Map<String, String> env = new HashMap<>(basicAuth());
        env.put("LOGSEARCH_INDEX", "secured-serve");
        int port = Ports.free();
        Path output = Files.createTempFile(dir, "serve-", ".txt");
        Process serve = Launcher.command(env, output, "serve", "--port", Integer.toString(port)).start();
        try {
            awaitServing(serve, output);
            assertFalse(Files.readString(output).contains("warning"), Files.readString(output));
            HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/events?size=1")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, events.statusCode(), events.body());
            assertTrue(events.body().contains("\"total\":{\"value\":" + EVENTS + ",\"relation\":\"eq\"}"), events.body());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUntrustedCertificateIsToldWithTheWayOut() throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other-ca"), "RSA");
        Map<String, String> wrongCa = new HashMap<>(basicAuth());
        wrongCa.put("ES_CA_CERT", other.caCertificate().toString());
        String out = run(1, wrongCa, "templates", "install");
        assertTrue(out.startsWith("logsearch: cannot reach Elasticsearch at " + node.url() + " over TLS ("), out);
        assertTrue(out.contains("Set ES_CA_CERT to the PEM file of the cluster's CA certificate."), out);
        Map<String, String> noCa = new HashMap<>(basicAuth());
        noCa.remove("ES_CA_CERT");
        assertTrue(run(1, noCa, "templates", "install").contains("over TLS"));
        assertFalse(out.contains("\tat "), out);
    }

    @Test
    void aWrongPasswordIsToldAsRefusedCredentials() throws Exception {
        Map<String, String> wrong = new HashMap<>(basicAuth());
        wrong.put("ES_PASSWORD", "not-the-password");
        String refused = "Elasticsearch at " + node.url() + " refused the credentials (HTTP 401); check ES_API_KEY, or ES_USERNAME and ES_PASSWORD.";
        assertEquals("logsearch: " + refused, run(1, wrong, "load", "--source", "thousandeyes", "--index", "secured-wrong", export.toString()).strip());

        wrong.put("LOGSEARCH_INDEX", "secured-wrong");
        int port = Ports.free();
        Path output = Files.createTempFile(dir, "serve-", ".txt");
        Process serve = Launcher.command(wrong, output, "serve", "--port", Integer.toString(port)).start();
        try {
            awaitServing(serve, output);
            assertTrue(Files.readString(output).contains("logsearch: warning: " + refused), Files.readString(output));
            HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/events")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, events.statusCode(), events.body());
            assertTrue(events.body().contains("\"detail\":\"Elasticsearch could not complete the request.\""), events.body());
            assertFalse(events.body().contains("Exception") || events.body().contains("security_exception"), events.body());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        }
    }

    private static void awaitServing(Process serve, Path output) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Files.readString(output).contains("logsearch is serving") && serve.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(output).contains("logsearch is serving"), Files.readString(output));
    }
}
