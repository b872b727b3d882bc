package io.logsearch.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server on HTTPS from PEM files, and the clear refusals of files it cannot use. */
class ApiServerTlsTest {

    @TempDir
    static Path dir;
    static TestCertificates rsa;
    static TestCertificates ec;

    @BeforeAll
    static void certificates() throws Exception {
        rsa = TestCertificates.create(dir.resolve("rsa"), "RSA");
        ec = TestCertificates.create(dir.resolve("ec"), "EC");
    }

    @Test
    void servesHttpsWithTheCertificateChainAndAnyPemKeyFormat() throws Exception {
        for (Path key : new Path[] {rsa.privateKey(), rsa.traditionalKey()}) {
            assertServesHttps(rsa, TlsIdentity.read(rsa.certificateChain(), key));
        }
        for (Path key : new Path[] {ec.privateKey(), ec.traditionalKey()}) {
            assertServesHttps(ec, TlsIdentity.read(ec.certificateChain(), key));
        }
    }

    @Test
    void plainHttpAndUntrustingClientsGetNothing() throws Exception {
        Javalin server = start(TlsIdentity.read(rsa.certificateChain(), rsa.privateKey()));
        try {
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openapi.yaml"))
                    .timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString());
                assertTrue(response.statusCode() >= 400 && !response.body().contains("openapi"), response.statusCode() + " " + response.body());
            } catch (IOException refused) {
                // the connection closed on plain text: nothing was served
            }
            HttpRequest https = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/openapi.yaml"))
                    .timeout(Duration.ofSeconds(10)).build();
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(https, HttpResponse.BodyHandlers.ofString()));
        } finally {
            server.stop();
        }
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsIdentity.read(rsa.certificateChain(), ec.privateKey()));
        assertEquals("TLS key file " + ec.privateKey() + " does not hold the private key of the first certificate in "
                + rsa.certificateChain() + " (CN=localhost)", e.getMessage());
    }

    @Test
    void missingEmptyAndSwappedFilesAreRefusedClearly() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertEquals("TLS certificate file " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(missing, rsa.privateKey())).getMessage());
        assertEquals("TLS key file " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(rsa.certificateChain(), missing)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertEquals("TLS certificate file " + empty + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(empty, rsa.privateKey())).getMessage());
        assertEquals("TLS certificate file " + rsa.privateKey() + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(rsa.privateKey(), rsa.certificateChain())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(rsa.certificateChain(), rsa.certificateChain()))
                .getMessage().startsWith("TLS key file " + rsa.certificateChain() + " holds no PEM private key"));
        Path damaged = Files.writeString(dir.resolve("damaged.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsIdentity.read(rsa.certificateChain(), damaged))
                .getMessage().startsWith("TLS key file " + damaged + " holds a damaged or unsupported private key"));
    }

    @Test
    void secretFilesMustBeTheOwnersAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "0123456789abcdef");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("--tokens " + file + " holds secrets but other users may read it (mode rw-r--r--):"
                        + " make it readable by its owner only (chmod 600 " + file + ")",
                assertThrows(IllegalArgumentException.class, () -> SecretFiles.requireOwnerOnly(file, "--tokens")).getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-----w-"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretFiles.requireOwnerOnly(file, "--tokens"))
                .getMessage().contains("other users may change it (mode rw-----w-)"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        SecretFiles.requireOwnerOnly(file, "--tokens");
    }

    private static void assertServesHttps(TestCertificates certificates, TlsIdentity identity) throws Exception {
        Javalin server = start(identity);
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(certificates.trustingCa()).build();
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("https://" + host + ":" + server.port() + "/openapi.yaml")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), host);
                assertTrue(response.body().startsWith("openapi:"), response.body());
            }
        } finally {
            server.stop();
        }
    }

    private static Javalin start(TlsIdentity identity) {
        EsEventStore nowhere = EsEventStore.on(EsClients.create(EsSettings.of("http://127.0.0.1:" + Ports.free())), Partitioning.daily("x"), 0);
        return ApiServer.start("127.0.0.1", 0, Optional.of(identity), cfg -> cfg.store = nowhere);
    }
}
