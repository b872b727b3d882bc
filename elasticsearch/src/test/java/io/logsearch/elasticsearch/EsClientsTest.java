package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients made from {@link EsSettings} against an HTTPS server with a self-signed certificate (made
 * with the JDK's keytool), which records the Authorization header of every request and, like a
 * secured Elasticsearch, challenges requests that carry none when basic authentication is expected.
 */
class EsClientsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path caCertificate;
    private static HttpsServer server;
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static volatile boolean challenge;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "es", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        caCertificate = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "es", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file", caCertificate.toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null && challenge) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                AUTHORIZATIONS.add(authorization == null ? "(none)" : authorization);
                exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        AUTHORIZATIONS.clear();
        challenge = false;
    }

    @Test
    void anApiKeyIsSentOnEveryRequestOverTlsTrustingTheCaCertificate() throws IOException {
        EsSettings settings = new EsSettings(url(), Optional.of("a2V5LWlkOmtleQ=="), Optional.empty(), Optional.of(caCertificate));
        try (var transport = EsClients.create(settings)._transport()) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            assertTrue(client.ping().value());
            assertTrue(client.ping().value());
        }
        assertEquals(List.of("ApiKey a2V5LWlkOmtleQ==", "ApiKey a2V5LWlkOmtleQ=="), AUTHORIZATIONS);
    }

    @Test
    void usernameAndPasswordAnswerTheBasicChallenge() throws IOException {
        challenge = true;
        EsSettings settings = new EsSettings(url(), Optional.empty(), Optional.of(new EsSettings.Credentials("elastic", "s3cret")),
                Optional.of(caCertificate));
        try (var transport = EsClients.create(settings)._transport()) {
            assertTrue(new ElasticsearchClient(transport).ping().value());
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("elastic:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(expected), AUTHORIZATIONS);
    }

    @Test
    void withoutCredentialsNothingIsSent() throws IOException {
        try (var transport = EsClients.create(new EsSettings(url(), Optional.empty(), Optional.empty(), Optional.of(caCertificate)))._transport()) {
            assertTrue(new ElasticsearchClient(transport).ping().value());
        }
        assertEquals(List.of("(none)"), AUTHORIZATIONS);
    }

    @Test
    void aSelfSignedClusterIsNotTrustedWithoutItsCaCertificate() throws IOException {
        try (var transport = EsClients.create(EsSettings.of(url()))._transport()) {
            IOException e = assertThrows(IOException.class, () -> new ElasticsearchClient(transport).ping());
            assertTrue(causes(e, SSLHandshakeException.class), e.toString());
        }
        assertEquals(List.of(), AUTHORIZATIONS);
    }

    @Test
    void aCaCertificateFileThatIsNoCertificateIsAClearError() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a certificate\n");
        EsSettings settings = new EsSettings(url(), Optional.empty(), Optional.empty(), Optional.of(garbage));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EsClients.create(settings));
        assertTrue(e.getMessage().startsWith("ES_CA_CERT " + garbage + " holds no PEM certificate: "), e.getMessage());
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, keytool.exitValue(), output);
    }
}
