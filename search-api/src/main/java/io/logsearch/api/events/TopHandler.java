package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.ParamReader;
import io.logsearch.mappings.EventFields;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.query.TopBucket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /v1/events/top?field=…}: the most frequent values of one field among matching events. */
public final class TopHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields by name, in the order errors list them. */
    private static final Map<String, String> FIELDS = fields(
            "eventType", EventFields.ACTION,
            "userId", EventFields.USER_ID,
            "clientIp", EventFields.CLIENT_IP,
            "organizationId", EventFields.ORGANIZATION_ID,
            "source", EventFields.PROVIDER,
            "appId", EventFields.APP_ID);

    private final EventAggregations aggregations;

    public TopHandler(EventAggregations aggregations) {
        this.aggregations = aggregations;
    }

    /** The endpoint's own parameters. */
    record Params(String field, int size) {

        static final Set<String> NAMES = Set.of("field", "size");

        static Params read(ParamReader params) {
            String field = params.choice("field", List.copyOf(FIELDS.keySet())).orElse("");
            if (!params.has("field")) {
                params.error("field", "is required: one of eventType, userId, clientIp, organizationId, source, appId");
            }
            return new Params(field, params.integer("size", 1, 100).orElse(10));
        }
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request<Params> request = FilterParams.request(ctx, Params.NAMES, Params::read);
        Params params = request.endpoint();
        List<TopBucket> top = aggregations.top(request.requested().filter(), request.caller().visibility(), FIELDS.get(params.field()),
                params.size());
        JsonResponses.write(ctx, "application/json", body(params.field(), top));
    }

    /** The response: the field asked for and its values, most frequent first. */
    static ObjectNode body(String field, List<TopBucket> top) {
        ObjectNode body = JSON.createObjectNode().put("field", field);
        ArrayNode buckets = body.putArray("buckets");
        top.forEach(b -> buckets.addObject().put("value", b.value()).put("count", b.count()));
        return body;
    }

    private static Map<String, String> fields(String... namesAndFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFields.length; i += 2) {
            fields.put(namesAndFields[i], namesAndFields[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }
}
