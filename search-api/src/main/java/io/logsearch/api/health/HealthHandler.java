package io.logsearch.api.health;

import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.JsonResponses;
import io.logsearch.elasticsearch.EventIndex;
import java.io.IOException;

/** {@code GET /health}: 200 with the cluster status, or 503 when Elasticsearch cannot be reached. */
public final class HealthHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventIndex index;

    public HealthHandler(EventIndex index) {
        this.index = index;
    }

    @Override
    public void handle(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        try {
            HealthResponse health = index.client().cluster().health();
            body.put("status", "ok");
            body.putObject("elasticsearch").put("status", health.status().jsonValue()).put("cluster", health.clusterName());
            ctx.status(200);
        } catch (IOException | RuntimeException e) {
            body.put("status", "unavailable");
            body.putObject("elasticsearch").put("status", "unreachable");
            ctx.status(503).header("Retry-After", "10");
        }
        JsonResponses.write(ctx, "application/json", body);
    }
}
