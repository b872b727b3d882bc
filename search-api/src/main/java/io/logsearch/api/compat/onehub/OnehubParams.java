package io.logsearch.api.compat.onehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.compat.JsonContent;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Onehub's activity parameters, from the query string or from a JSON body, as the vendor documents
 * them. Lists may be repeated ({@code workspaces[]=1&workspaces[]=2}) or comma-separated
 * ({@code workspaces=1,2}); single values are taken whole (an RFC-2822 time has a comma in it), the
 * query's over the body's, as Rails merges them. Problems are collected, so one 400 names them all.
 */
final class OnehubParams {

    /** Onehub's verbs and the detail predicates they appear as. */
    static final Map<String, String> VERBS = Map.of(
            "create", "created", "upload", "uploaded", "read", "viewed", "download", "downloaded",
            "update", "updated", "delete", "deleted", "invite", "invited");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;
    private final JsonNode body;
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    private OnehubParams(Context ctx, JsonNode body) {
        this.ctx = ctx;
        this.body = body;
    }

    static OnehubParams of(Context ctx) {
        JsonContent.require(ctx);
        String text = ctx.body();
        if (text.isBlank()) {
            return new OnehubParams(ctx, JSON.createObjectNode());
        }
        try {
            JsonNode body = JSON.readTree(text);
            if (!body.isObject()) {
                throw new ApiProblem(400, "Bad Request", "the request body must be a JSON object", List.of());
            }
            return new OnehubParams(ctx, body);
        } catch (IOException e) {
            throw new ApiProblem(400, "Bad Request", "the request body is not JSON", List.of());
        }
    }

    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        JsonNode fromBody = body.get(name);
        if (fromBody != null && fromBody.isArray()) {
            fromBody.forEach(v -> values.add(v.asText()));
        } else if (fromBody != null && fromBody.isValueNode()) {
            values.add(fromBody.asText());
        }
        for (String key : List.of(name, name + "[]")) {
            for (String value : ctx.queryParams(key)) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        return values;
    }

    /** One value, never split: the last one in the query, else the body's. */
    Optional<String> single(String name) {
        List<String> fromQuery = ctx.queryParams(name);
        if (!fromQuery.isEmpty()) {
            return Optional.of(fromQuery.get(fromQuery.size() - 1).trim()).filter(v -> !v.isEmpty());
        }
        JsonNode fromBody = body.get(name);
        if (fromBody == null || fromBody.isNull()) {
            return Optional.empty();
        }
        if (!fromBody.isValueNode()) {
            error(name, name + " takes one value, not " + fromBody);
            return Optional.empty();
        }
        return Optional.of(fromBody.asText().trim()).filter(v -> !v.isEmpty());
    }

    List<String> integers(String name) {
        List<String> values = list(name);
        values.stream().filter(v -> !v.matches("\\d{1,18}")).forEach(v -> error(name, name + " must be integers, not '" + v + "'"));
        return values;
    }

    boolean bool(String name) {
        return single(name).map(v -> switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                error(name, name + " must be true or false");
                yield false;
            }
        }).orElse(false);
    }

    int page() {
        return single("page").map(v -> {
            if (v.matches("\\d{1,10}") && Long.parseLong(v) >= 1 && Long.parseLong(v) <= Integer.MAX_VALUE) {
                return Integer.parseInt(v);
            }
            error("page", "page must be a whole number from 1 to " + Integer.MAX_VALUE);
            return 1;
        }).orElse(1);
    }

    /** An RFC-2822 time; one without a zone is in {@code zone}, the requesting user's. */
    Optional<Instant> time(String name, ZoneId zone) {
        return single(name).flatMap(v -> {
            try {
                return Optional.of(Rfc2822.parse(v, zone));
            } catch (IllegalArgumentException e) {
                error(name, name + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    void error(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Bad Request", String.join("; ", errors.stream().map(ApiProblem.FieldError::message).toList()),
                    errors);
        }
    }
}
