package io.logsearch.api.compat.authing;

import static io.logsearch.api.compat.authing.AuthingBody.invalid;
import static io.logsearch.api.compat.authing.AuthingBody.text;
import static io.logsearch.api.compat.authing.AuthingBody.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authing's {@code GetUserActionLogsDto}, every field checked for its type and range: the filter it
 * asks for (without the user pool, which comes from a header), and the page.
 */
record AuthingQuery(EventFilter.Builder filter, int page, int limit) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** 9999-12-31T23:59:59.999Z, the last instant a date field holds. */
    private static final long LATEST_MILLIS = 253_402_300_799_999L;
    private static final Set<String> FIELDS = Set.of("requestId", "clientIp", "eventType", "userId", "appId", "start", "end",
            "success", "pagination");
    private static final Set<String> PAGINATION_FIELDS = Set.of("page", "limit");

    static AuthingQuery read(JsonNode body, Instant now) {
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw invalid("unknown field " + name);
            }
        });
        EventFilter.Builder filter = EventFilter.builder().sources(List.of(AuthingPage.SOURCE));
        text(body, "requestId").ifPresent(v -> filter.requestIds(List.of(v)));
        text(body, "eventType").ifPresent(v -> filter.eventTypes(List.of(v)));
        text(body, "userId").ifPresent(v -> filter.userIds(List.of(v)));
        text(body, "appId").ifPresent(v -> filter.appIds(List.of(v)));
        text(body, "clientIp").ifPresent(v -> filter.clientIps(List.of(IpNetwork.parse(v)
                .orElseThrow(() -> invalid("clientIp must be an IP address")))));
        filter.range(TimeRange.resolve(millis(body, "start"), millis(body, "end"), Optional.empty(), now, (bound, refusal) -> {
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
        return new AuthingQuery(filter, integer(pagination, "page", 1, Integer.MAX_VALUE, 1),
                integer(pagination, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
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
            return AuthingBody.JSON.createObjectNode();
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
}
