package io.logsearch.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.api.TestApi;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the access log costs a search: {@code GET /v1/events?size=100} against two servers on the
 * same events, one recording every request in the access log and one not, in interleaved pairs
 * (the order alternating) so that both see the same load on the machine. Prints p50 and p99 of
 * each; the figures are in BENCHMARKS.md, "Access log".
 */
@Tag("extended")
@ExtendWith(RealElasticsearch.class)
@Timeout(600)
class AccessLogCostIT {

    private static final int EVENTS = 20_000;
    private static final int WARM_UP = 300;
    private static final int PAIRS = Integer.getInteger("accesslog.pairs", 1000);

    @Test
    void theAccessLogCostsASearchNothingMeasurable(TestElasticsearch es) throws Exception {
        try (TestApi with = TestApi.start(es, cfg -> cfg.accessLog = true);
             TestApi without = TestApi.start(es, cfg -> cfg.accessLog = false)) {
            ByteArrayOutputStream export = new ByteArrayOutputStream();
            ExportGenerator.forSource("thousandeyes").write(GeneratorSpec.of(EVENTS, 30, 16), export);
            with.load("thousandeyes", SourceContext.EMPTY, export.toString(StandardCharsets.UTF_8));

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest onRequest = HttpRequest.newBuilder(URI.create(with.base + "/v1/events?size=100")).build();
            HttpRequest offRequest = HttpRequest.newBuilder(URI.create(without.base + "/v1/events?size=100")).build();
            for (int i = 0; i < WARM_UP; i++) {
                time(http, onRequest);
                time(http, offRequest);
            }
            long[] on = new long[PAIRS];
            long[] off = new long[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                if (i % 2 == 0) {
                    on[i] = time(http, onRequest);
                    off[i] = time(http, offRequest);
                } else {
                    off[i] = time(http, offRequest);
                    on[i] = time(http, onRequest);
                }
            }
            double onP50 = percentile(on, 50);
            double offP50 = percentile(off, 50);
            System.out.printf("access log: %d interleaved pairs of GET /v1/events?size=100 over %d events%n", PAIRS, EVENTS);
            System.out.printf("access log: on  p50 %.2f ms, p99 %.2f ms%n", onP50, percentile(on, 99));
            System.out.printf("access log: off p50 %.2f ms, p99 %.2f ms%n", offP50, percentile(off, 99));
            System.out.printf("access log: p50 on / off %.3f%n", onP50 / offP50);
            System.out.println("access log: " + with.get("/health").body());
            assertTrue(with.get("/health").json().at("/accessLog/written").asLong() > 0);
            assertEquals(0, with.get("/health").json().at("/accessLog/dropped").asLong());
        }
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - started;
        assertEquals(200, response.statusCode());
        return took;
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
