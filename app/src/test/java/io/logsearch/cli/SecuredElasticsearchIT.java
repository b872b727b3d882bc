package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.storage.BulkSettings;
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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load}, {@code serve} and {@code /v1/events} against a local node with security on, as a
 * production cluster runs: HTTPS with certificates from {@code elasticsearch-certutil}, trusted
 * through {@code ES_CA_CERT}, with basic authentication, and with an API key through an
 * {@link ApiKeyProxy} (this distribution cannot create one); a CA that did not sign the node's
 * certificate, an unknown API key and a wrong password are told clearly.
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

    /**
     * What the integration-test distribution answers when asked for an API key, as {@code elastic}:
     * its security index cannot be created without the analysis-common module.
     */
    @Test
    void thisDistributionCannotCreateApiKeys() throws Exception {
        HttpResponse<String> create = elastic().send(HttpRequest.newBuilder(URI.create(node.url() + "/_security/api_key"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("elastic:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"logsearch\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, create.statusCode(), create.body());
        assertTrue(create.body().contains("Unknown filter type [pattern_capture] for [email]"), create.body());
    }

    /**
     * With {@code ES_API_KEY}, {@code templates install}, {@code load} and {@code serve} (search,
     * histogram, facade, ingest) send exactly {@code Authorization: ApiKey <value>} on every request:
     * through an {@link ApiKeyProxy} that refuses any other and forwards as {@code elastic}, since
     * this node cannot create a key.
     */
    @Test
    void anApiKeyGoesOnEveryRequestAsApiKeyAuthorization() throws Exception {
        String key = Base64.getEncoder().encodeToString("logsearch-key-id:logsearch-key-secret".getBytes(StandardCharsets.US_ASCII));
        try (ApiKeyProxy proxy = new ApiKeyProxy(node.url(), TestCertificates.trusting(node.node().caCertificate().orElseThrow()), key,
                "elastic", PASSWORD)) {
            Map<String, String> env = new HashMap<>(Map.of("ES_URL", proxy.url(), "ES_API_KEY", key, "LOGSEARCH_INDEX", "secured-api-key"));
            run(0, env, "templates", "install");
            String loaded = run(0, env, "load", "--source", "thousandeyes", "--index", "secured-api-key", export.toString());
            assertTrue(loaded.contains("read=" + EVENTS + " indexed=" + EVENTS + " duplicates=0 rejected=0"), loaded);
            int port = Ports.free();
            Path output = Files.createTempFile(dir, "serve-", ".txt");
            Process serve = Launcher.command(env, output, "serve", "--port", Integer.toString(port)).start();
            try {
                awaitServing(serve, output);
                assertFalse(Files.readString(output).contains("warning"), Files.readString(output));
                HttpClient client = HttpClient.newHttpClient();
                for (String path : new String[] {"/v1/events?size=1", "/v1/events/histogram?window=3650d",
                        "/compat/thousandeyes/v7/audit-user-events?window=3650d", "/health"}) {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
                }
                HttpResponse<String> ingest = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/ingest/thousandeyes"))
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofFile(export)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ingest.statusCode(), ingest.body());
                assertTrue(ingest.body().contains("\"duplicates\":" + EVENTS), ingest.body());
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
            }
            List<ApiKeyProxy.Seen> seen = proxy.seen();
            for (ApiKeyProxy.Seen request : seen) {
                assertEquals(List.of("ApiKey " + key), request.authorization(), request.method() + " " + request.path());
            }
            for (String kind : new String[] {"/_index_template/", "/_bulk", "/_search", "/_cluster/health"}) {
                assertTrue(seen.stream().anyMatch(r -> r.path().contains(kind)), kind + " among " + seen.stream().map(ApiKeyProxy.Seen::path).toList());
            }
        }
        try (ApiKeyProxy checking = new ApiKeyProxy(node.url(), TestCertificates.trusting(node.node().caCertificate().orElseThrow()), key,
                "elastic", PASSWORD)) {
            String refused = run(1, Map.of("ES_URL", checking.url(), "ES_USERNAME", "elastic", "ES_PASSWORD", PASSWORD), "templates", "install");
            assertTrue(refused.contains("refused the credentials (HTTP 401)"), "the proxy lets only the API key through: " + refused);
        }
    }

    private static HttpClient elastic() throws Exception {
        return HttpClient.newBuilder().sslContext(TestCertificates.trusting(node.node().caCertificate().orElseThrow())).build();
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
        servedRefusingTheCredentials(wrong, "not-the-password", output -> assertTrue(output.contains("logsearch: warning: " + refused), output));
    }

    /**
     * A user of the file realm (which needs no security index) without any privilege: the
     * cluster's health is refused (403), so commands stop at once and {@code /health} says so.
     */
    @Test
    void credentialsWithoutPrivilegesAreToldAsRefusedAndNothingIsRetried() throws Exception {
        Map<String, String> env = fileRealmUser("no-privileges", Map.of());
        String refused = "Elasticsearch at " + node.url() + " refused the credentials the privileges logsearch needs (HTTP 403); "
                + "check ES_API_KEY, or ES_USERNAME and ES_PASSWORD.";
        assertEquals("logsearch: " + refused, run(1, env, "load", "--source", "thousandeyes", "--index", "secured-unprivileged", export.toString()).strip());
        env.put("LOGSEARCH_INDEX", "secured-unprivileged");
        servedRefusingTheCredentials(env, FILE_REALM_PASSWORD, output -> assertTrue(output.contains("logsearch: warning: " + refused), output));
    }

    /**
     * A user that may manage the cluster and write other indices only: the health and the template
     * pass, the bulk request is taken but each of its documents refused (403); the load stops at the
     * first request, with the variables to check, and indexes nothing (a load as {@code elastic}
     * afterwards indexes all).
     */
    @Test
    void credentialsThatMayNotWriteStopTheLoadAtTheFirstBulkRequest() throws Exception {
        Map<String, String> env = fileRealmUser("other-indices", Map.of("cluster", "[all]",
                "indices", "[{names: ['other-*'], privileges: [all]}]"));
        long start = System.nanoTime();
        String out = run(1, env, "load", "--source", "thousandeyes", "--index", "secured-readonly", export.toString());
        assertTrue(out.contains("refused a bulk request's documents: HTTP 403 (security_exception: "), out);
        assertTrue(out.contains("Elasticsearch refused logsearch's credentials or their privileges; "
                + "the operator must check ES_USERNAME and ES_PASSWORD, or ES_API_KEY."), out);
        assertFalse(out.contains("was tried") || out.contains(FILE_REALM_PASSWORD) || out.contains("\tat "), out);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BulkSettings.DEFAULTS.maxRetryWait()) < 0, "stopped without waiting out the retry budget");
        String again = run(0, basicAuth(), "load", "--source", "thousandeyes", "--index", "secured-readonly", export.toString());
        assertTrue(again.contains("read=" + EVENTS + " indexed=" + EVENTS + " duplicates=0 rejected=0"), again);

        env.put("LOGSEARCH_INDEX", "secured-readonly");
        int port = Ports.free();
        Path output = Files.createTempFile(dir, "serve-", ".txt");
        Process serve = Launcher.command(env, output, "serve", "--port", Integer.toString(port)).start();
        try {
            awaitServing(serve, output);
            HttpResponse<String> ingest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/ingest/thousandeyes")).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofFile(export)).build(), HttpResponse.BodyHandlers.ofString());
            assertRefusedCredentialsProblem(ingest, FILE_REALM_PASSWORD);
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        }
    }

    private static final String FILE_REALM_PASSWORD = "file-realm-password";

    /**
     * {@code ES_*} for a new user of the node's file realm with one role of {@code privileges}
     * (none when empty), once the node authenticates it (it reloads the realm's files every 5 s).
     */
    private static Map<String, String> fileRealmUser(String name, Map<String, String> privileges) throws Exception {
        Path config = node.node().caCertificate().orElseThrow().getParent().getParent().getParent();
        String role = name + "-role";
        appendWorldReadable(config.resolve("roles.yml"), role + ":\n" + privileges.entrySet().stream()
                .map(p -> "  " + p.getKey() + ": " + p.getValue() + "\n").reduce("", String::concat) + (privileges.isEmpty() ? "  cluster: []\n" : ""));
        appendWorldReadable(config.resolve("users"), name + ":" + pbkdf2(FILE_REALM_PASSWORD) + "\n");
        appendWorldReadable(config.resolve("users_roles"), role + ":" + name + "\n");
        Map<String, String> env = new HashMap<>(basicAuth());
        env.put("ES_USERNAME", name);
        env.put("ES_PASSWORD", FILE_REALM_PASSWORD);
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.trusting(node.node().caCertificate().orElseThrow())).build();
        HttpRequest authenticate = HttpRequest.newBuilder(URI.create(node.url() + "/_security/_authenticate"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((name + ":" + FILE_REALM_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        while ((status = client.send(authenticate, HttpResponse.BodyHandlers.discarding()).statusCode()) != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(200, status, "the file realm authenticates " + name);
        return env;
    }

    private static void appendWorldReadable(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A password hash as Elasticsearch's file realm reads it: {@code {PBKDF2}cost$salt$key}, PBKDF2 with HMAC-SHA512. */
    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
        return "{PBKDF2}10000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(key);
    }

    /** {@code serve} with {@code env}: the API, a facade and {@code /health} answer 503 saying the credentials were refused. */
    private static void servedRefusingTheCredentials(Map<String, String> env, String secret, Consumer<String> startOutput) throws Exception {
        int port = Ports.free();
        Path output = Files.createTempFile(dir, "serve-", ".txt");
        Process serve = Launcher.command(env, output, "serve", "--port", Integer.toString(port)).start();
        try {
            awaitServing(serve, output);
            startOutput.accept(Files.readString(output));
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/v1/events", "/v1/events/histogram", "/compat/thousandeyes/v7/audit-user-events"}) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertRefusedCredentialsProblem(answer, secret);
            }
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode(), health.body());
            assertEquals("10", health.headers().firstValue("Retry-After").orElse(""));
            assertTrue(health.body().contains("\"elasticsearch\":{\"status\":\"unauthorized\"}"), health.body());
            assertFalse(Files.readString(output).contains(secret), Files.readString(output));
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        }
    }

    private static void assertRefusedCredentialsProblem(HttpResponse<String> answer, String secret) {
        String where = answer.uri() + ": " + answer.body();
        assertEquals(503, answer.statusCode(), where);
        assertEquals("10", answer.headers().firstValue("Retry-After").orElse(""), where);
        assertTrue(answer.body().contains("Elasticsearch refused logsearch's credentials or their privileges; "
                + "the operator must check ES_USERNAME and ES_PASSWORD, or ES_API_KEY."), where);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("security_exception") || answer.body().contains(secret)
                || answer.body().contains("unauthorized for user"), where);
    }

    private static void awaitServing(Process serve, Path output) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Files.readString(output).contains("logsearch is serving") && serve.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(output).contains("logsearch is serving"), Files.readString(output));
    }
}
