package io.logsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Posts bulk NDJSON (an action line and a document line per event) to {@code _bulk} as a plain
 * client would: a fixed number of documents per request, a fixed number of requests in flight,
 * no retries. Any request or item that fails fails the measurement.
 */
final class RawBulk {

    private final HttpClient http;
    private final String esUrl;
    private final int documentsPerRequest;
    private final int inFlight;

    RawBulk(HttpClient http, String esUrl, int documentsPerRequest, int inFlight) {
        this.http = http;
        this.esUrl = esUrl;
        this.documentsPerRequest = documentsPerRequest;
        this.inFlight = inFlight;
    }

    /** Posts every file's documents; returns how many documents were sent. */
    long post(List<Path> bulkFiles) throws IOException, InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        long documents = 0;
        for (Path file : bulkFiles) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                StringBuilder body = new StringBuilder();
                int inBody = 0;
                for (String action = reader.readLine(); action != null; action = reader.readLine()) {
                    body.append(action).append('\n').append(reader.readLine()).append('\n');
                    inBody++;
                    documents++;
                    if (inBody == documentsPerRequest) {
                        requests.add(send(slots, body.toString()));
                        body.setLength(0);
                        inBody = 0;
                    }
                }
                if (inBody > 0) {
                    requests.add(send(slots, body.toString()));
                }
            }
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        return documents;
    }

    private CompletableFuture<Void> send(Semaphore slots, String body) throws InterruptedException {
        slots.acquire();
        HttpRequest request = HttpRequest.newBuilder(URI.create(esUrl + "/_bulk?filter_path=errors,items.*.error"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> slots.release())
                .thenAccept(RawBulk::requireAccepted);
    }

    private static void requireAccepted(HttpResponse<String> response) {
        if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
            String body = response.body();
            throw new UncheckedIOException(new IOException("raw _bulk failed with HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(500, body.length()))));
        }
    }
}
