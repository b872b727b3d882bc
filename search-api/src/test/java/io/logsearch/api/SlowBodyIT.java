package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slowloris on {@code POST /v1/ingest/{source}}: 32 clients send their headers at once and then
 * their body a byte every 1.5 s. Each is cut off (a 408, or a closed connection) soon after the
 * 10 s grace, nothing of their bodies is indexed, and meanwhile {@code /health} and searches answer.
 */
@ExtendWith(RealElasticsearch.class)
class SlowBodyIT {

    private static final int CLIENTS = 32;
    private static final Duration BYTE_EVERY = Duration.ofMillis(1500);
    /** The 10 s grace, a byte's interval, and room for a busy machine. */
    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(30);
    /** Well under the cut-off: the slow clients hold threads, never the server. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final String RECORD = "{\"timestamp\":\"2024-05-01T10:00:00Z\",\"event_type\":\"asset_viewed\",\"asset_id\":\"slow\",\"asset_name\":\"slow\"}\n";

    private static TestApi api;

    @BeforeAll
    static void start(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** How a slow client's request ended: the status line, or {@code closed}, and when. */
    private record Ending(String how, Duration after, int bytesSent) {
    }

    @Test
    void slowBodiesAreCutOffNothingOfThemIsIndexedAndTheServerKeepsAnswering() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Ending>> endings = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                endings.add(clients.submit(SlowBodyIT::slowIngest));
            }
            Thread.sleep(2000);
            int answered = 0;
            while (endings.stream().anyMatch(f -> !f.isDone())) {
                long start = System.nanoTime();
                assertEquals(200, api.get("/health").status());
                assertEquals(200, api.get("/v1/events?size=1").status());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(PROMPTLY) < 0, "health and a search answered in " + took.toMillis() + " ms");
                answered++;
                Thread.sleep(500);
            }
            assertTrue(answered >= 2, "the server answered while the slow clients were connected: " + answered);
            List<Ending> ended = new ArrayList<>();
            for (Future<Ending> future : endings) {
                Ending ending = future.get();
                ended.add(ending);
                assertTrue(ending.how().startsWith("HTTP/1.1 408") || ending.how().equals("closed"), ending.toString());
                assertTrue(ending.after().compareTo(CUT_OFF_WITHIN) < 0, ending.toString());
                assertTrue(ending.bytesSent() < RECORD.length(), "the body was cut off before it was complete: " + ending);
            }
            assertTrue(ended.stream().anyMatch(e -> e.how().startsWith("HTTP/1.1 408")), "a 408 told the cut");
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
        }
        api.refresh();
        assertEquals(0, api.get("/v1/events?source=actionhub").json().at("/total/value").asInt());
    }

    /** Sends the headers, then the body a byte at a time, until the server answers or closes the connection. */
    private static Ending slowIngest() throws IOException, InterruptedException {
        URI base = URI.create(api.base);
        byte[] body = RECORD.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) CUT_OFF_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /v1/ingest/actionhub?userId=u-slow&programId=p-slow HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int sent = 0;
            while (sent < body.length && in.available() == 0) {
                try {
                    out.write(body[sent]);
                    out.flush();
                } catch (IOException closed) {
                    return new Ending("closed", Duration.ofNanos(System.nanoTime() - start), sent);
                }
                sent++;
                Thread.sleep(BYTE_EVERY.toMillis());
            }
            byte[] answer = in.readNBytes(12);
            Duration after = Duration.ofNanos(System.nanoTime() - start);
            return new Ending(answer.length == 0 ? "closed" : new String(answer, StandardCharsets.US_ASCII), after, sent);
        }
    }
}
