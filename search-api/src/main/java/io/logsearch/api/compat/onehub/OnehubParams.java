package io.logsearch.api.compat.onehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Onehub's activity parameters, from the query string ({@code workspaces[]=1&workspaces[]=2} or
 * {@code workspaces=1,2}) or from a JSON body, as the vendor documents them.
 */
final class OnehubParams {

    /** Onehub's verbs and the detail predicates they appear as. */
    static final Map<String, String> VERBS = Map.of(
            "create", "created", "upload", "uploaded", "read", "viewed", "download", "downloaded",
            "update", "updated", "delete", "deleted", "invite", "invited");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss]", Locale.ENGLISH);

    private final Context ctx;
    private final JsonNode body;
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    private OnehubParams(Context ctx, JsonNode body) {
        this.ctx = ctx;
        this.body = body;
    }

    static OnehubParams of(Context ctx) {
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

    Optional<String> single(String name) {
        List<String> values = list(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
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
            if (v.matches("\\d{1,9}") && Integer.parseInt(v) >= 1) {
                return Integer.parseInt(v);
            }
            error("page", "page must be a whole number of 1 or more");
            return 1;
        }).orElse(1);
    }

    /** RFC-2822 time; without a zone it is taken as UTC (the requesting user's zone is not known here). */
    Optional<Instant> time(String name) {
        return single(name).flatMap(v -> {
            try {
                return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException withZone) {
                try {
                    return Optional.of(LocalDateTime.parse(v, ZONELESS).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    error(name, name + " must be an RFC-2822 time such as 'Mon, 18 Jan 2016 11:16:53 -0800'");
                    return Optional.empty();
                }
            }
        });
    }

    void error(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Bad Request", errors.get(0).message(), errors);
        }
    }
}
