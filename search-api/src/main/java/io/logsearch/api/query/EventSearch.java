package io.logsearch.api.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.elasticsearch.EventIndex;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs event queries against the partitions of an index: pages in a total order with
 * {@code search_after}, histograms, top values, and whole-result walks for export. Only the
 * partitions that overlap a query's time range are searched.
 */
public final class EventSearch {

    /** More hits than this are counted as "at least". */
    public static final int TRACK_TOTAL_UP_TO = 10_000;
    private static final int EXPORT_PAGE = 1000;
    /** Elasticsearch's {@code index.max_result_window}: results reachable with from/size. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    private final EventIndex index;

    public EventSearch(EventIndex index) {
        this.index = index;
    }

    /** One page; fetches one event more than asked to know whether another page follows. */
    public EventPage search(EventQuery query) throws IOException {
        SearchResponse<ObjectNode> response = index.client().search(s -> {
            where(s, query.filter(), query.visibility())
                    .size(query.size() + 1)
                    .sort(sort(QueryTranslator.TIMESTAMP, query.order()))
                    .sort(sort("event.id", query.order()))
                    .trackTotalHits(t -> t.count(TRACK_TOTAL_UP_TO));
            query.after().ifPresent(after -> s.searchAfter(FieldValue.of(after.timestampMillis()), FieldValue.of(after.eventId())));
            project(s, query.projection());
            return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = response.hits().hits();
        List<ObjectNode> events = new ArrayList<>();
        for (Hit<ObjectNode> hit : hits.subList(0, Math.min(query.size(), hits.size()))) {
            events.add(hit.source());
        }
        Optional<SearchAfter> next = Optional.empty();
        if (hits.size() > query.size()) {
            List<FieldValue> last = hits.get(query.size() - 1).sort();
            next = Optional.of(new SearchAfter(last.get(0).longValue(), last.get(1).stringValue()));
        }
        TotalHits total = response.hits().total();
        long value = total == null ? events.size() : total.value();
        boolean exact = total == null || total.relation() == TotalHitsRelation.Eq;
        return new EventPage(events, value, exact, next);
    }

    /** Every matching event in order, a page at a time, so memory stays flat however many match. */
    public void forEach(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                        Consumer<ObjectNode> consumer) throws IOException {
        walk(filter, visibility, order, projection, Optional.empty(), consumer);
    }

    /** Like {@link #forEach}, starting after a page the caller already has. */
    public void forEachAfter(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                             SearchAfter start, Consumer<ObjectNode> consumer) throws IOException {
        walk(filter, visibility, order, projection, Optional.of(start), consumer);
    }

    private void walk(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                      Optional<SearchAfter> start, Consumer<ObjectNode> consumer) throws IOException {
        Optional<SearchAfter> after = start;
        do {
            EventPage page = search(new EventQuery(filter, visibility, EXPORT_PAGE, order, after, projection));
            page.events().forEach(consumer);
            after = page.next();
        } while (after.isPresent());
    }

    /**
     * Page {@code offset / size} of the newest-first results with an exact total, for the vendor
     * APIs that page by number. Only the first {@link #MAX_RESULT_WINDOW} results can be reached.
     */
    public NumberedPage page(EventFilter filter, Visibility visibility, int offset, int size, Projection projection) throws IOException {
        if (offset < 0 || size < 1 || offset + size > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("results " + offset + " to " + (offset + size) + " lie beyond the first "
                    + MAX_RESULT_WINDOW + " results");
        }
        SearchResponse<ObjectNode> response = index.client().search(s -> {
            where(s, filter, visibility)
                    .from(offset)
                    .size(size)
                    .sort(sort(QueryTranslator.TIMESTAMP, SortOrder.DESC))
                    .sort(sort("event.id", SortOrder.DESC))
                    .trackTotalHits(t -> t.enabled(true));
            project(s, projection);
            return s;
        }, ObjectNode.class);
        List<ObjectNode> events = response.hits().hits().stream().map(Hit::source).toList();
        TotalHits total = response.hits().total();
        return new NumberedPage(events, total == null ? events.size() : total.value());
    }

    /** Counts per bucket of {@code interval}, split by outcome, over {@code range}. */
    public List<HistogramBucket> histogram(EventFilter filter, Visibility visibility, TimeRange range, Duration interval)
            throws IOException {
        SearchResponse<Void> response = index.client().search(s -> where(s, filter.withRange(range), visibility)
                .size(0)
                .aggregations("over_time", a -> a
                        .dateHistogram(h -> h
                                .field(QueryTranslator.TIMESTAMP)
                                .fixedInterval(i -> i.time(interval.toSeconds() + "s"))
                                .minDocCount(0)
                                .extendedBounds(b -> b
                                        .min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(m -> m.value((double) range.start().toEpochMilli())))
                                        .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(m -> m.value((double) range.end().toEpochMilli())))))
                        .aggregations("outcome", o -> o.terms(t -> t.field(QueryTranslator.OUTCOME).size(3)))),
                Void.class);
        List<HistogramBucket> buckets = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get("over_time").dateHistogram().buckets().array()) {
            long success = 0;
            long failure = 0;
            for (StringTermsBucket outcome : bucket.aggregations().get("outcome").sterms().buckets().array()) {
                switch (outcome.key().stringValue()) {
                    case "success" -> success = outcome.docCount();
                    case "failure" -> failure = outcome.docCount();
                    default -> { }
                }
            }
            // wide buckets are aligned to the epoch, so the first may start before the year 0000 that no event precedes
            Instant start = Partitioning.clamp(Instant.ofEpochMilli(bucket.key()));
            buckets.add(new HistogramBucket(start, bucket.docCount(), success, failure));
        }
        return buckets;
    }

    /** The earliest and latest matching timestamps, or empty when nothing matches. */
    public Optional<TimeRange> extent(EventFilter filter, Visibility visibility) throws IOException {
        SearchResponse<Void> response = index.client().search(s -> where(s, filter, visibility)
                .size(0)
                .aggregations("first", a -> a.min(m -> m.field(QueryTranslator.TIMESTAMP)))
                .aggregations("last", a -> a.max(m -> m.field(QueryTranslator.TIMESTAMP))), Void.class);
        Aggregate first = response.aggregations().get("first");
        Aggregate last = response.aggregations().get("last");
        if (first == null || last == null || Double.isNaN(first.min().value()) || Double.isInfinite(first.min().value())) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(Instant.ofEpochMilli((long) first.min().value()), Instant.ofEpochMilli((long) last.max().value())));
    }

    /** The most frequent values of {@code field} among matching events. */
    public List<TopBucket> top(EventFilter filter, Visibility visibility, String field, int size) throws IOException {
        SearchResponse<Void> response = index.client().search(s -> where(s, filter, visibility)
                .size(0)
                .aggregations("top", a -> a.terms(t -> t.field(field).size(size))), Void.class);
        Aggregate top = response.aggregations().get("top");
        List<TopBucket> buckets = new ArrayList<>();
        if (top.isSterms()) {
            top.sterms().buckets().array().forEach(b -> buckets.add(new TopBucket(b.key().stringValue(), b.docCount())));
        }
        return buckets;
    }

    private static void project(SearchRequest.Builder s, Projection projection) {
        switch (projection) {
            case DOCUMENT -> s.source(src -> src.filter(f -> f.excludes("event.original")));
            case ORIGINAL -> s.source(src -> src.filter(f -> f.includes("event.original", QueryTranslator.TIMESTAMP)));
            case DOCUMENT_WITH_ORIGINAL -> { }
        }
    }

    /**
     * The partitions a query needs, the filter and the caller's visibility: what every search here
     * shares. A search that some shard failed is an error, never a silently shorter answer.
     */
    private SearchRequest.Builder where(SearchRequest.Builder s, EventFilter filter, Visibility visibility) {
        Query query = QueryTranslator.translate(filter, visibility);
        return s.index(partitions(filter))
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .allowPartialSearchResults(false)
                .query(query);
    }

    /** The partitions that overlap the filter's range, or every partition without one. */
    private List<String> partitions(EventFilter filter) {
        return filter.range()
                .map(r -> index.partitions().overlapping(r.start(), r.end()))
                .orElseGet(() -> index.partitions().everyPartition());
    }

    private static Function<SortOptions.Builder, ObjectBuilder<SortOptions>> sort(String field, SortOrder order) {
        co.elastic.clients.elasticsearch._types.SortOrder esOrder = order == SortOrder.ASC
                ? co.elastic.clients.elasticsearch._types.SortOrder.Asc
                : co.elastic.clients.elasticsearch._types.SortOrder.Desc;
        return o -> o.field(f -> f.field(field).order(esOrder));
    }
}
