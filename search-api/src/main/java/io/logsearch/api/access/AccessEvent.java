package io.logsearch.api.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.logsearch.api.AccessLog;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Caller;
import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.storage.EventDocument;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * One API request as the access log records it: when it started and how long it took, who sent it
 * (the token's name and the organizations it may see, all when empty; neither before
 * authentication), from where, what it asked (the query already redacted) and what it got.
 */
public record AccessEvent(Instant start, long durationNanos, String sourceIp, Optional<Caller> caller, String method,
                          String path, Optional<String> query, int status, OptionalLong hits, Optional<String> userAgent) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ECS_VERSION = "8.17.0";

    /** The request {@code ctx} as Javalin's request logger sees it, answered just now after {@code millis}. */
    public static AccessEvent of(Context ctx, float millis) {
        return answered(Instant.now(), Math.round(millis * 1_000_000d), ctx.ip(), AccessControl.identified(ctx), ctx.method().name(),
                ctx.path(), Optional.ofNullable(ctx.queryString()), ctx.status().getCode(), AccessLog.hits(ctx),
                Optional.ofNullable(ctx.header("User-Agent")));
    }

    /** The request as it was answered at {@code end}; {@code rawQuery} is redacted here. */
    public static AccessEvent answered(Instant end, long durationNanos, String sourceIp, Optional<Caller> caller, String method,
                                       String path, Optional<String> rawQuery, int status, OptionalLong hits,
                                       Optional<String> userAgent) {
        return new AccessEvent(end.minusNanos(durationNanos), durationNanos, sourceIp, caller, method, path,
                rawQuery.filter(q -> !q.isEmpty()).map(QueryRedaction::redact), status, hits, userAgent);
    }

    /** The ECS document, under a fresh random id. */
    public EventDocument document() {
        String id = UUID.randomUUID().toString();
        String target = query.map(q -> path + "?" + q).orElse(path);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@timestamp", start.toString());
        doc.put("message", method + " " + target + " " + status);
        doc.putObject("ecs").put("version", ECS_VERSION);
        ObjectNode event = doc.putObject("event");
        event.put("id", id).put("kind", "event").put("dataset", AccessLogIndex.DATASET).put("provider", "logsearch")
                .put("outcome", status < 400 ? "success" : "failure").put("duration", durationNanos);
        event.putArray("category").add("web");
        event.putArray("type").add("access");
        caller.ifPresent(c -> doc.putObject("user").put("id", c.name()).put("name", c.name()));
        caller.flatMap(Caller::organizations).map(Set::stream)
                .ifPresent(ids -> ids.sorted().forEach(doc.putObject("organization").putArray("id")::add));
        doc.putObject("source").put("ip", sourceIp);
        doc.putObject("client").put("ip", sourceIp);
        ObjectNode url = doc.putObject("url").put("path", path);
        query.ifPresent(q -> url.put("query", q));
        ObjectNode http = doc.putObject("http");
        http.putObject("request").put("method", method);
        http.putObject("response").put("status_code", status);
        userAgent.ifPresent(agent -> doc.putObject("user_agent").put("original", agent));
        hits.ifPresent(h -> doc.putObject("logsearch").putObject("access").put("hits", h));
        try {
            return new EventDocument(id, start, JSON.writeValueAsBytes(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
