package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ParamReader;
import io.logsearch.api.StorageErrors;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.query.EventSearch;
import io.logsearch.api.query.HistogramBucket;
import io.logsearch.api.query.TimeRange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /v1/events/histogram}: matching events per time bucket, split by outcome. */
public final class HistogramHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Duration> INTERVALS = new LinkedHashMap<>();
    static final int MAX_BUCKETS = 5_000;

    static {
        INTERVALS.put("1m", Duration.ofMinutes(1));
        INTERVALS.put("5m", Duration.ofMinutes(5));
        INTERVALS.put("1h", Duration.ofHours(1));
        INTERVALS.put("1d", Duration.ofDays(1));
    }

    private final EventSearch search;

    public HistogramHandler(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request request = FilterParams.request(ctx, Set.of("interval"));
        Caller caller = request.caller();
        ParamReader params = request.params();
        FilterParams.Requested requested = request.requested();
        String interval = params.choice("interval", Set.of("auto", "1m", "5m", "1h", "1d")).orElse("auto");
        params.throwIfInvalid();

        ObjectNode body = JSON.createObjectNode();
        try {
            Optional<TimeRange> range = requested.filter().range().isPresent()
                    ? requested.filter().range()
                    : search.extent(requested.filter(), caller.visibility());
            String chosen = interval.equals("auto") ? range.map(HistogramHandler::auto).orElse("1d") : interval;
            body.put("interval", chosen);
            range.ifPresent(r -> body.put("startDate", r.start().toString()).put("endDate", r.end().toString()));
            ArrayNode buckets = body.putArray("buckets");
            if (range.isPresent()) {
                Duration step = INTERVALS.get(chosen);
                long count = Duration.between(range.get().start(), range.get().end()).dividedBy(step) + 1;
                if (count > MAX_BUCKETS) {
                    throw ApiProblem.invalid("interval", "'" + chosen + "' makes " + count + " buckets over this range, more than "
                            + MAX_BUCKETS + "; choose a larger interval or a shorter range");
                }
                for (HistogramBucket b : search.histogram(requested.filter(), caller.visibility(), range.get(), step)) {
                    buckets.addObject().put("start", b.start().toString()).put("count", b.count())
                            .put("success", b.success()).put("failure", b.failure());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw StorageErrors.translate(e);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    /** About a hundred to a few hundred buckets, whatever the range. */
    static String auto(TimeRange range) {
        Duration span = Duration.between(range.start(), range.end());
        if (span.compareTo(Duration.ofHours(3)) <= 0) {
            return "1m";
        }
        if (span.compareTo(Duration.ofHours(24)) <= 0) {
            return "5m";
        }
        if (span.compareTo(Duration.ofDays(14)) <= 0) {
            return "1h";
        }
        return "1d";
    }

}
