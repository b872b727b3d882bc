package io.logsearch.api.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.JsonResponses;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.StoreHealth;

/** {@code GET /health}: 200 with the cluster status, or 503 when Elasticsearch cannot be reached. */
public final class HealthHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventPartitions partitions;

    public HealthHandler(EventPartitions partitions) {
        this.partitions = partitions;
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
            body.putObject("elasticsearch").put("status", "unreachable");
            ctx.status(503).header("Retry-After", "10");
        }
        JsonResponses.write(ctx, "application/json", body);
    }
}
