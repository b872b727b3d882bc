package io.logsearch.api.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.access.AccessLogCounts;
import io.logsearch.api.access.AccessRecorder;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.StoreHealth;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with the cluster status, or 503 when Elasticsearch cannot be reached
 * ({@code unreachable}) or refuses the server's credentials ({@code unauthorized});
 * either way the access log's counts, when it is on, and the configured further reports (the pollers').
 */
public final class HealthHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventPartitions partitions;
    private final Optional<AccessRecorder> accessLog;
    private final Map<String, Supplier<?>> reports;

    public HealthHandler(EventPartitions partitions, Optional<AccessRecorder> accessLog, Map<String, Supplier<?>> reports) {
        this.partitions = partitions;
        this.accessLog = accessLog;
        this.reports = Map.copyOf(reports);
    }

    @Override
    public void handle(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        try {
            StoreHealth health = partitions.health();
            body.put("status", "ok");
            body.putObject("elasticsearch").put("status", health.status()).put("cluster", health.cluster());
            ctx.status(200);
        } catch (StorageException e) {
            body.put("status", "unavailable");
            body.putObject("elasticsearch").put("status", e.kind() == FailureKind.UNAUTHORIZED ? "unauthorized" : "unreachable");
            ctx.status(503).header("Retry-After", "10");
        }
        accessLog.map(AccessRecorder::counts).ifPresent(counts -> accessLogCounts(body, counts));
        reports.forEach((name, report) -> body.set(name, JSON.valueToTree(report.get())));
        JsonResponses.write(ctx, "application/json", body);
    }

    private static void accessLogCounts(ObjectNode body, AccessLogCounts counts) {
        body.putObject("accessLog").put("written", counts.written()).put("dropped", counts.dropped())
                .put("failed", counts.failed()).put("queued", counts.queued());
    }
}
