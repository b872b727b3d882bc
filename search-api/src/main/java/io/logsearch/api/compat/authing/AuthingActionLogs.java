package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.Originals;
import io.logsearch.api.compat.PageNumbers;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /compat/authing/api/v3/get-user-action-logs}: Authing's user action log query
 * ({@code GetUserActionLogsDto}) over the Authing events logsearch holds, page-numbered. Every
 * field is checked for its type and range (a 400 in Authing's envelope) before the user pool is.
 */
public final class AuthingActionLogs implements Handler {

    static final String USER_POOL_HEADER = "x-authing-userpool-id";
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** 9999-12-31T23:59:59.999Z, the last instant a date field holds. */
    private static final long LATEST_MILLIS = 253_402_300_799_999L;
    private static final Set<String> FIELDS = Set.of("requestId", "clientIp", "eventType", "userId", "appId", "start", "end",
            "success", "pagination");
    private static final Set<String> PAGINATION_FIELDS = Set.of("page", "limit");
    private static final String SOURCE = "authing";
    static final ObjectMapper JSON = new ObjectMapper();

    private final EventSearch search;

    public AuthingActionLogs(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        JsonNode body = body(ctx);
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw invalid("unknown field " + name);
            }
        });
        EventFilter.Builder filter = EventFilter.builder().sources(List.of(SOURCE));
        text(body, "requestId").ifPresent(v -> filter.requestIds(List.of(v)));
        text(body, "eventType").ifPresent(v -> filter.eventTypes(List.of(v)));
        text(body, "userId").ifPresent(v -> filter.userIds(List.of(v)));
        text(body, "appId").ifPresent(v -> filter.appIds(List.of(v)));
        text(body, "clientIp").ifPresent(v -> filter.clientIps(List.of(IpNetwork.parse(v)
                .orElseThrow(() -> invalid("clientIp must be an IP address")))));
        Optional<Instant> start = millis(body, "start");
        Optional<Instant> end = millis(body, "end");
        filter.range(TimeRange.resolve(start, end, Optional.empty(), Instant.now(), (bound, refusal) -> {
            throw invalid(refusal == TimeRange.Refusal.END_BEFORE_START
                    ? "end must not be before start" : "start is in the future, and without end the logs end now");
        }));
        JsonNode success = body.get("success");
        if (success != null && !success.isNull()) {
            if (!success.isBoolean()) {
                throw invalid("success must be a boolean");
            }
            filter.success(Optional.of(success.asBoolean()));
        }
        JsonNode pagination = pagination(body);
        int page = integer(pagination, "page", 1, Integer.MAX_VALUE, 1);
        int limit = integer(pagination, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);

        Optional<String> userPool = Optional.ofNullable(ctx.header(USER_POOL_HEADER)).filter(v -> !v.isBlank());
        if (userPool.isPresent()) {
            if (!caller.canSee(userPool.get())) {
                throw AccessDenied.forbidden("Not allowed to read user pool " + userPool.get());
            }
            filter.organizationIds(List.of(userPool.get()));
        }
        NumberedPage results;
        try {
            results = PageNumbers.fetch(search, filter.build(), caller.visibility(), page, limit, "pagination.page",
                    "start and end, userId, appId or eventType");
        } catch (ApiProblem tooDeep) {
            throw invalid(tooDeep.detail());
        }

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.getFactory().createGenerator(response, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("statusCode", 200);
            out.writeStringField("message", "");
            out.writeStringField("requestId", UUID.randomUUID().toString());
            out.writeObjectFieldStart("data");
            out.writeNumberField("totalCount", results.total());
            out.writeArrayFieldStart("list");
            for (ObjectNode event : results.events()) {
                Originals.write(out, event, SOURCE);
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
        }
        ctx.contentType("application/json").result(response.toByteArray());
    }

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode body = JSON.readTree(text);
            if (body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            throw invalid("the request body is not JSON");
        }
        throw invalid("the request body must be a JSON object");
    }

    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return Optional.of(value.asText()).filter(v -> !v.isBlank());
    }

    private static Optional<Instant> millis(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<Long> millis = wholeNumber(value).filter(v -> v >= 0 && v <= LATEST_MILLIS);
        if (millis.isEmpty()) {
            throw invalid(field + " must be a timestamp in epoch milliseconds, from 0 to " + LATEST_MILLIS);
        }
        return Optional.of(Instant.ofEpochMilli(millis.get()));
    }

    /** The {@code pagination} object, or an empty one when it is not given. */
    private static JsonNode pagination(JsonNode body) {
        JsonNode pagination = body.get("pagination");
        if (pagination == null || pagination.isNull()) {
            return JSON.createObjectNode();
        }
        if (!pagination.isObject()) {
            throw invalid("pagination must be an object such as {\"page\": 1, \"limit\": 10}");
        }
        pagination.fieldNames().forEachRemaining(name -> {
            if (!PAGINATION_FIELDS.contains(name)) {
                throw invalid("unknown field pagination." + name);
            }
        });
        return pagination;
    }

    private static int integer(JsonNode object, String field, int min, int max, int fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return wholeNumber(value).filter(v -> v >= min && v <= max).map(Long::intValue).orElseThrow(() ->
                invalid("pagination." + field + " must be a whole number from " + min + " to " + max));
    }

    /** A JSON number with a whole value, as JavaScript reads it ({@code 10} and {@code 10.0} alike), that fits a long. */
    private static Optional<Long> wholeNumber(JsonNode value) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.decimalValue().longValueExact());
        } catch (ArithmeticException notWholeOrTooLarge) {
            return Optional.empty();
        }
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(400, "Bad Request", message, List.of());
    }
}
