package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on all interfaces: HTTPS with PEM files, or plain HTTP only when asked for explicitly. */
class ServeTlsIT {

    private static final String TOKENS = "{\"tokens\": [{\"name\": \"ops\", \"sha256\": \"" + "0".repeat(64)
            + "\", \"organizations\": [\"*\"], \"scopes\": [\"search\"]}]}";

    @Test
    void servesHttpsOnAllInterfacesWithTheTestCa(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.create(dir.resolve("tls"), "RSA");
        Path tokens = Files.writeString(TestCertificates.ownerOnly(dir.resolve("tokens.json")), TOKENS);
        int port = Ports.free();
        Path output = dir.resolve("serve.txt");
        Process serve = Launcher.start(Map.of("ES_URL", "http://127.0.0.1:" + Ports.free()), output, "serve", "--bind", "0.0.0.0",
                "--port", Integer.toString(port), "--tokens", tokens.toString(),
                "--tls-cert", certificates.certificateChain().toString(), "--tls-key", certificates.privateKey().toString());
        try {
            awaitListening(serve, port, output);
            assertTrue(Files.readString(output).contains("logsearch is serving https://0.0.0.0:" + port + "/"), Files.readString(output));
            HttpClient trusting = HttpClient.newBuilder().sslContext(certificates.trustingCa()).build();
            HttpResponse<String> description = trusting.send(get("https://127.0.0.1:" + port + "/openapi.yaml"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, description.statusCode());
            assertEquals(401, trusting.send(get("https://localhost:" + port + "/v1/events"), HttpResponse.BodyHandlers.ofString()).statusCode());
            try {
                HttpResponse<String> plain = HttpClient.newHttpClient().send(get("http://127.0.0.1:" + port + "/openapi.yaml"),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(plain.statusCode() >= 400 && !plain.body().contains("openapi"), plain.statusCode() + " " + plain.body());
            } catch (IOException refused) {
                // the TLS port closed the plain-text connection
            }
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(get("https://127.0.0.1:" + port + "/openapi.yaml"),
                    HttpResponse.BodyHandlers.ofString()), "a client that does not trust the test CA");
        } finally {
            stop(serve);
        }
    }

    @Test
    void servesPlainHttpOnAllInterfacesOnlyWithInsecureHttp(@TempDir Path dir) throws Exception {
        Path tokens = Files.writeString(TestCertificates.ownerOnly(dir.resolve("tokens.json")), TOKENS);
        int port = Ports.free();
        Path output = dir.resolve("serve.txt");
        Process serve = Launcher.start(Map.of("ES_URL", "http://127.0.0.1:" + Ports.free()), output, "serve", "--bind", "0.0.0.0",
                "--port", Integer.toString(port), "--tokens", tokens.toString(), "--insecure-http");
        try {
            awaitListening(serve, port, output);
            assertEquals(200, HttpClient.newHttpClient().send(get("http://127.0.0.1:" + port + "/openapi.yaml"),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            stop(serve);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static void awaitListening(Process serve, int port, Path output) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Files.readString(output).contains("logsearch is serving") && serve.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(Ports.listening(port), "serve listens:\n" + Files.readString(output));
    }

    private static void stop(Process serve) throws InterruptedException {
        serve.destroy();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve stops on SIGTERM");
    }
}
