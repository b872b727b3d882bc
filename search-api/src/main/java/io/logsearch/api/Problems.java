package io.logsearch.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.function.Consumer;

/** Writes {@link ApiProblem}s as {@code application/problem+json}. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void write(Context ctx, ApiProblem problem) {
        write(ctx, problem, members -> { });
    }

    /** Writes {@code problem} with the extension members (RFC 9457 §3.2) {@code extensions} adds. */
    public static void write(Context ctx, ApiProblem problem, Consumer<ObjectNode> extensions) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", ctx.path());
        ArrayNode errors = body.putArray("errors");
        problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
        extensions.accept(body);
        // JSON is UTF-8 (RFC 8259), whatever character encoding the response had been given before it failed
        ctx.status(problem.status());
        JsonResponses.write(ctx, CONTENT_TYPE, body);
    }
}
