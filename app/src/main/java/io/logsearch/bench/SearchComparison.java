package io.logsearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.logsearch.api.server.ApiServer;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * API requests against the raw searches they send to Elasticsearch: the raw searches are captured
 * once through a {@link CapturingProxy} (by a second server over it), then API request and raw
 * searches are timed in interleaved pairs after a warm-up, over the keep-alive connections of one client.
 */
final class SearchComparison implements AutoCloseable {

    /** The latencies of the API request and of its raw searches sent one after the other. */
    record Timing(LatencyStats api, LatencyStats raw) {

        double p50Ratio() {
            return api.p50Millis() / raw.p50Millis();
        }

        double p99Ratio() {
            return api.p99Millis() / raw.p99Millis();
        }
    }

    private final BenchContext bench;
    private final CapturingProxy proxy;
    private final ElasticsearchClient proxiedClient;
    private final Javalin server;
    private final Javalin capturingServer;

    private SearchComparison(BenchContext bench, CapturingProxy proxy, ElasticsearchClient proxiedClient, Javalin server, Javalin capturingServer) {
        this.bench = bench;
        this.proxy = proxy;
        this.proxiedClient = proxiedClient;
        this.server = server;
        this.capturingServer = capturingServer;
    }

    /** Serves {@code partitions} twice, in-process: straight on the node (the server timed), and over a capturing proxy. */
    static SearchComparison open(BenchContext bench, Partitioning partitions) throws IOException {
        CapturingProxy proxy = new CapturingProxy(bench.esUrl(), bench.http());
        ElasticsearchClient proxied = EsClients.create(EsSettings.of(proxy.url()));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Javalin server = ApiServer.start("127.0.0.1", 0, cfg -> {
            cfg.store = EsEventStore.on(bench.client(), partitions, 0);
            cfg.cursorSecret = Optional.of(secret);
        });
        Javalin capturing = ApiServer.start("127.0.0.1", 0, cfg -> {
            cfg.store = EsEventStore.on(proxied, partitions, 0);
            cfg.cursorSecret = Optional.of(secret);
            cfg.accessLog = false;
        });
        return new SearchComparison(bench, proxy, proxied, server, capturing);
    }

    /** The base URL of the server timed. */
    String api() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        capturingServer.stop();
        server.stop();
        proxiedClient._transport().close();
        proxy.close();
    }

    /** The searches the API sends to Elasticsearch for {@code pathAndQuery}, in order. */
    List<CapturingProxy.Captured> capture(String pathAndQuery) throws IOException, InterruptedException {
        proxy.take();
        bench.time(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + capturingServer.port() + pathAndQuery)).build());
        List<CapturingProxy.Captured> sent = proxy.take();
        if (sent.isEmpty()) {
            throw new IllegalStateException(pathAndQuery + " sent no search to Elasticsearch");
        }
        return sent;
    }

    Timing time(String pathAndQuery, List<HttpRequest> raw, int warmups, int pairs) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api() + pathAndQuery)).build();
        for (int i = 0; i < warmups; i++) {
            bench.time(request);
            timeAll(raw);
        }
        long[] apiNanos = new long[pairs];
        long[] rawNanos = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            apiNanos[i] = bench.time(request);
            rawNanos[i] = timeAll(raw);
        }
        return new Timing(LatencyStats.of(apiNanos), LatencyStats.of(rawNanos));
    }

    /** Times {@code GET pathAndQuery} against its captured searches and adds the figures, the ratios with their targets. */
    void compare(String pathAndQuery, double p50Target, OptionalDouble p99Target, int warmups, int pairs) throws IOException, InterruptedException {
        List<CapturingProxy.Captured> searches = capture(pathAndQuery);
        bench.progress().accept("Timing GET " + pathAndQuery + " against the " + searches.size() + " raw _search it sends...");
        Timing timing = time(pathAndQuery, searches.stream().map(c -> c.to(bench.esUrl())).toList(), warmups, pairs);
        String name = "GET " + pathAndQuery;
        bench.figures().add(Figure.info(name + " (" + pairs + " requests)",
                Figure.format("p50 %.2f ms, p99 %.2f ms", timing.api().p50Millis(), timing.api().p99Millis())));
        bench.figures().add(Figure.info("raw: the " + (searches.size() == 1 ? "_search" : searches.size() + " _search requests") + " it sends",
                Figure.format("p50 %.2f ms, p99 %.2f ms", timing.raw().p50Millis(), timing.raw().p99Millis())));
        bench.figures().add(Figure.ratio(name + " p50 / raw", "p50 ratio", timing.p50Ratio(), p50Target, false));
        if (p99Target.isPresent()) {
            bench.figures().add(Figure.ratio(name + " p99 / raw", "p99 ratio", timing.p99Ratio(), p99Target.getAsDouble(), false));
        }
    }

    private long timeAll(List<HttpRequest> raw) throws IOException, InterruptedException {
        long nanos = 0;
        for (HttpRequest request : raw) {
            nanos += bench.time(request);
        }
        return nanos;
    }
}
