package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.AccessLog;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.ParamReader;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /v1/events/histogram}: matching events per time bucket, split by outcome. */
public final class HistogramHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BUCKETS = 5_000;
    private static final Pattern EXPLICIT = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");
    private static final String EXPECTED = "auto or a whole number with a unit s, m, h, d or w (30s, 15m, 12h, 1d, 2w)";
    /** What {@code auto} picks from, smallest first, with the longest span each is used for: about a hundred to a few hundred buckets. */
    private static final List<AutoStep> AUTO = List.of(
            new AutoStep(named("1m"), Duration.ofHours(3)),
            new AutoStep(named("5m"), Duration.ofHours(24)),
            new AutoStep(named("1h"), Duration.ofDays(14)),
            new AutoStep(named("1d"), Duration.ofDays(366)),
            new AutoStep(named("7d"), Duration.ofDays(5 * 366)),
            new AutoStep(named("30d"), Duration.ofDays(30 * 366)),
            new AutoStep(named("365d"), Duration.ofDays(300 * 366)),
            new AutoStep(named("3650d"), Duration.ofDays(10_000 * 366)));

    /** A bucket width, named as the caller wrote it ({@code 15m}). */
    record Interval(String name, Duration step) {

        long buckets(TimeRange range) {
            return Duration.between(range.start(), range.end()).dividedBy(step) + 1;
        }
    }

    /** An interval {@code auto} picks, and the longest span it picks it for. */
    private record AutoStep(Interval interval, Duration upTo) {
    }

    private final EventAggregations aggregations;

    public HistogramHandler(EventAggregations aggregations) {
        this.aggregations = aggregations;
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request<Optional<Interval>> request = FilterParams.request(ctx, Set.of("interval"),
                HistogramHandler::interval);
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
        AccessLog.hits(ctx, buckets.stream().mapToLong(HistogramBucket::count).sum());
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
        return AUTO.stream().filter(a -> span.compareTo(a.upTo()) <= 0).findFirst()
                .orElse(AUTO.get(AUTO.size() - 1)).interval();
    }

    /** The {@code interval} parameter: empty for {@code auto} or when absent. */
    private static Optional<Interval> interval(ParamReader params) {
        return params.single("interval").filter(text -> !text.equals("auto")).flatMap(text -> {
            Optional<Interval> interval = parse(text);
            if (interval.isEmpty()) {
                params.error("interval", "must be " + EXPECTED + ", not '" + text + "'");
            }
            return interval;
        });
    }

    /** {@code N} followed by {@code s}, {@code m}, {@code h}, {@code d} or {@code w}, or empty. */
    static Optional<Interval> parse(String text) {
        Matcher m = EXPLICIT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration step = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        return Optional.of(new Interval(text, step));
    }

    static Interval named(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("no interval " + name));
    }
}
