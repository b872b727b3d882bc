package io.logsearch.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.logsearch.poller.thousandeyes.ThousandEyesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a loopback server answering a script of statuses. */
class PageFetcherTest {

    private record Answer(int status, String header, String value) {
    }

    private static final PollSettings SETTINGS = new PollSettings(Instant.EPOCH, Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(3));
    private static final TimeSpan SPAN = new TimeSpan(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"));

    private final Deque<Answer> script = new ArrayDeque<>();
    private HttpServer server;
    private int requests;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (this) {
                requests++;
            }
            Answer answer = script.isEmpty() ? new Answer(200, "", "") : script.poll();
            if (!answer.header().isEmpty()) {
                exchange.getResponseHeaders().add(answer.header(), answer.value());
            }
            byte[] body = "{\"auditEvents\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private VendorClient client() {
        return new ThousandEyesClient("http://127.0.0.1:" + server.getAddress().getPort() + "/v7", Optional.of("the-token"), Optional.of("1234"), false);
    }

    private Optional<Path> fetch(StopSignal stop) {
        PageFetcher fetcher = new PageFetcher(HttpClient.newHttpClient(), SETTINGS, stop, Clock.systemUTC());
        VendorClient client = client();
        return fetcher.fetch(client, client.first(SPAN));
    }

    @Test
    void aTooManyRequestsWaitsWhatRetryAfterSays() throws IOException {
        script.add(new Answer(429, "Retry-After", "1"));
        script.add(new Answer(503, "", ""));
        long start = System.nanoTime();
        Path body = fetch(new StopSignal()).orElseThrow();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "waited the Retry-After second");
        assertEquals(3, requests);
        assertEquals("{\"auditEvents\": []}", Files.readString(body));
        Files.delete(body);
    }

    @Test
    void aRefusedTokenStopsTheSourceNamingTheCredentialButNotItsValue() {
        script.add(new Answer(403, "", ""));
        CredentialRefusedException e = assertThrows(CredentialRefusedException.class, () -> fetch(new StopSignal()));
        assertTrue(e.getMessage().startsWith("thousandeyes refused the bearer token (--token or LOGSEARCH_SOURCE_TOKEN) for account group 1234 (HTTP 403"),
                e.getMessage());
        assertFalse(e.getMessage().contains("the-token"));
        assertEquals(1, requests, "not retried");
    }

    @Test
    void anotherClientErrorFailsTheRunWithTheVendorsAnswer() {
        script.add(new Answer(400, "", ""));
        PollFailedException e = assertThrows(PollFailedException.class, () -> fetch(new StopSignal()));
        assertTrue(e.getMessage().contains("answered HTTP 400: {\"auditEvents\": []}"), e.getMessage());
    }

    @Test
    void aVendorThatKeepsFailingIsGivenUpAfterTheBudget() {
        for (int i = 0; i < 1000; i++) {
            script.add(new Answer(500, "", ""));
        }
        long start = System.nanoTime();
        PollFailedException e = assertThrows(PollFailedException.class, () -> fetch(new StopSignal()));
        assertTrue(e.getMessage().contains("could not be fetched for") && e.getMessage().contains("last: HTTP 500"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(4)) < 0, "within the budget");
    }

    @Test
    void aStopEndsTheWaitForARetry() {
        script.add(new Answer(429, "Retry-After", "60"));
        StopSignal stop = new StopSignal();
        new Thread(() -> {
            stop.await(Duration.ofMillis(300));
            stop.stop();
        }).start();
        assertEquals(Optional.empty(), fetch(stop));
    }
}
