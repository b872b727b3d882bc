package io.logsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.mappings.EventFields;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/events/export?format=ndjson} of every event, served by {@code serve} in a JVM of its
 * own with a small heap, against a raw walk of the same documents with a point-in-time and
 * {@code search_after} (10,000 per page, {@code _shard_doc} order, {@code event.original} left out as
 * the export leaves it out), each hit written as one JSON line to nowhere.
 */
final class ExportComparison {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVE_HEAP = "256m";
    private static final int RAW_PAGE = 10_000;

    private ExportComparison() {
    }

    static void run(BenchContext bench, String base, long expected) throws IOException, InterruptedException {
        int port = FreePorts.apiPort();
        bench.progress().accept("Timing the NDJSON export of " + expected + " events from serve (-Xmx" + SERVE_HEAP + ") against a raw point-in-time walk...");
        try (CliRun.Running serve = CliRun.start(bench.work(), List.of("-Xmx" + SERVE_HEAP), Map.of("ES_URL", bench.esUrl()),
                "serve", "--port", Integer.toString(port), "--index", base)) {
            String api = "http://127.0.0.1:" + port;
            awaitHealthy(bench, serve, api);
            long start = System.nanoTime();
            long exported = exportLines(bench, api + "/v1/events/export?format=ndjson");
            double exportRate = exported / ((System.nanoTime() - start) / 1e9);
            if (exported != expected) {
                throw new IllegalStateException("the export gave " + exported + " events, not " + expected);
            }
            start = System.nanoTime();
            long walked = rawWalk(bench, base);
            double rawRate = walked / ((System.nanoTime() - start) / 1e9);
            if (walked != expected) {
                throw new IllegalStateException("the raw walk gave " + walked + " documents, not " + expected);
            }
            bench.figures().add(Figure.info("export, GET /v1/events/export?format=ndjson of " + exported + " events", Figure.format("%,.0f events/s", exportRate)));
            bench.figures().add(Figure.info("export, raw point-in-time + search_after walk", Figure.format("%,.0f events/s", rawRate)));
            bench.figures().add(Figure.ratio("export / raw walk", "events/s ratio", exportRate / rawRate, 0.9, true));
            bench.figures().add(Figure.info("export: serve's peak RSS (VmHWM), -Xmx" + SERVE_HEAP,
                    serve.peakRssBytes().stream().mapToObj(b -> Figure.format("%,d MB", b / (1024 * 1024))).findFirst().orElse("not measured (no /proc)")));
        }
    }

    private static void awaitHealthy(BenchContext bench, CliRun.Running serve, String api) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            serve.requireAlive();
            try {
                bench.get(api + "/health");
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("serve did not answer /health within 2 minutes", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private static long exportLines(BenchContext bench, String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = bench.http().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        }
    }

    private static long rawWalk(BenchContext bench, String base) throws IOException, InterruptedException {
        String partitions = String.join(",", Partitioning.daily(base).everyPartition());
        String pit = bench.json(post(bench.esUrl() + "/" + partitions + "/_pit?keep_alive=2m", "")).path("id").asText();
        long documents = 0;
        JsonNode after = null;
        OutputStream nowhere = OutputStream.nullOutputStream();
        try {
            while (true) {
                ObjectNode body = JSON.createObjectNode().put("size", RAW_PAGE).put("track_total_hits", false);
                body.putObject("pit").put("id", pit).put("keep_alive", "2m");
                body.putArray("sort").addObject().put("_shard_doc", "asc");
                body.putObject("_source").putArray("excludes").add(EventFields.ORIGINAL);
                if (after != null) {
                    body.set("search_after", after);
                }
                JsonNode hits = bench.json(post(bench.esUrl() + "/_search", JSON.writeValueAsString(body))).path("hits").path("hits");
                if (hits.isEmpty()) {
                    return documents;
                }
                for (JsonNode hit : hits) {
                    nowhere.write(JSON.writeValueAsBytes(hit.path("_source")));
                    nowhere.write('\n');
                    documents++;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            bench.http().send(HttpRequest.newBuilder(URI.create(bench.esUrl() + "/_pit")).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode().put("id", pit)))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
