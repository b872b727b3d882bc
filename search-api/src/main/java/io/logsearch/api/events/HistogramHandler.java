package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.JsonResponses;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.Visibility;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code GET /v1/events/histogram}: matching events per time bucket, split by outcome. */
public final class HistogramHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BUCKETS = 5_000;
    /** Every interval, smallest first, with the longest span {@code auto} gives it: about a hundred to a few hundred buckets. */
    private static final List<Interval> INTERVALS = List.of(
            new Interval("1m", Duration.ofMinutes(1), Duration.ofHours(3)),
            new Interval("5m", Duration.ofMinutes(5), Duration.ofHours(24)),
            new Interval("1h", Duration.ofHours(1), Duration.ofDays(14)),
            new Interval("1d", Duration.ofDays(1), Duration.ofDays(366)),
            new Interval("7d", Duration.ofDays(7), Duration.ofDays(5 * 366)),
            new Interval("30d", Duration.ofDays(30), Duration.ofDays(30 * 366)),
            new Interval("365d", Duration.ofDays(365), Duration.ofDays(300 * 366)),
            new Interval("3650d", Duration.ofDays(3650), Duration.ofDays(10_000 * 366)));

    /** A bucket width, and the longest span {@code auto} uses it for. */
    record Interval(String name, Duration step, Duration autoUpTo) {

        long buckets(TimeRange range) {
            return Duration.between(range.start(), range.end()).dividedBy(step) + 1;
        }
    }

    private final EventAggregations aggregations;

    public HistogramHandler(EventAggregations aggregations) {
        this.aggregations = aggregations;
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request<Optional<Interval>> request = FilterParams.request(ctx, Set.of("interval"),
                params -> params.choice("interval", names()).filter(n -> !n.equals("auto")).map(HistogramHandler::named));
        EventFilter filter = request.requested().filter();
        Visibility visibility = request.caller().visibility();
        Optional<TimeRange> range = filter.range().isPresent() ? filter.range() : aggregations.extent(filter, visibility);
        Interval interval = request.endpoint().orElseGet(() -> range.map(HistogramHandler::auto).orElse(named("1d")));
        if (range.isPresent() && interval.buckets(range.get()) > MAX_BUCKETS) {
            throw ApiProblem.invalid("interval", "'" + interval.name() + "' makes " + interval.buckets(range.get())
                    + " buckets over this range, more than " + MAX_BUCKETS + "; choose a larger interval, a shorter range, or auto");
        }
        List<HistogramBucket> buckets = range.isPresent()
                ? aggregations.histogram(filter, visibility, range.get(), interval.step())
                : List.of();
        JsonResponses.write(ctx, "application/json", body(interval, range, buckets));
    }

    /** The response: the interval used, the range covered (none when nothing matches), and the buckets. */
    static ObjectNode body(Interval interval, Optional<TimeRange> range, List<HistogramBucket> buckets) {
        ObjectNode body = JSON.createObjectNode();
        body.put("interval", interval.name());
        range.ifPresent(r -> body.put("startDate", r.start().toString()).put("endDate", r.end().toString()));
        ArrayNode array = body.putArray("buckets");
        for (HistogramBucket b : buckets) {
            array.addObject().put("start", b.start().toString()).put("count", b.count())
                    .put("success", b.success()).put("failure", b.failure());
        }
        return body;
    }

    /**
     * The smallest interval whose {@code auto} span covers the range; ranges are clamped to
     * four-digit years, so the largest interval always stays within {@link #MAX_BUCKETS}.
     */
    static Interval auto(TimeRange range) {
        Duration span = Duration.between(range.start(), range.end());
        return INTERVALS.stream().filter(i -> span.compareTo(i.autoUpTo()) <= 0).findFirst()
                .orElse(INTERVALS.get(INTERVALS.size() - 1));
    }

    static Interval named(String name) {
        return INTERVALS.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no interval " + name));
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(List.of("auto"));
        INTERVALS.forEach(i -> names.add(i.name()));
        return names;
    }
}
