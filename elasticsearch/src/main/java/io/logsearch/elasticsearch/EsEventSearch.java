package io.logsearch.elasticsearch;

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
import io.logsearch.mappings.EventFields;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.TopBucket;
import io.logsearch.storage.query.Visibility;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link EventSearch} with Elasticsearch searches: {@code search_after} on {@code @timestamp} and
 * {@code event.id} for pages, from/size (up to {@code index.max_result_window}) for numbered pages,
 * aggregations for histograms and top values.
 */
public final class EsEventSearch implements EventSearch {

    private static final int EXPORT_PAGE = 1000;

    private final EventIndex index;

    public EsEventSearch(EventIndex index) {
        this.index = index;
    }

    @Override
    public EventPage search(EventQuery query) throws IOException {
        SearchResponse<ObjectNode> response = index.client().search(s -> {
            where(s, query.filter(), query.visibility())
                    .size(query.size() + 1)
                    .sort(sort(EventFields.TIMESTAMP, query.order()))
                    .sort(sort(EventFields.EVENT_ID, query.order()))
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

    @Override
    public void forEach(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                        Consumer<ObjectNode> consumer) throws IOException {
        walk(filter, visibility, order, projection, Optional.empty(), consumer);
    }

    @Override
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

    @Override
    public NumberedPage page(EventFilter filter, Visibility visibility, int offset, int size, Projection projection) throws IOException {
        if (offset < 0 || size < 1 || offset + size > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("results " + offset + " to " + (offset + size) + " lie beyond the first "
                    + MAX_RESULT_WINDOW + " results");
        }
        SearchResponse<ObjectNode> response = index.client().search(s -> {
            where(s, filter, visibility)
                    .from(offset)
                    .size(size)
                    .sort(sort(EventFields.TIMESTAMP, SortOrder.DESC))
                    .sort(sort(EventFields.EVENT_ID, SortOrder.DESC))
                    .trackTotalHits(t -> t.enabled(true));
            project(s, projection);
            return s;
        }, ObjectNode.class);
        List<ObjectNode> events = response.hits().hits().stream().map(Hit::source).toList();
        TotalHits total = response.hits().total();
        return new NumberedPage(events, total == null ? events.size() : total.value());
    }

    @Override
    public List<HistogramBucket> histogram(EventFilter filter, Visibility visibility, TimeRange range, Duration interval)
            throws IOException {
        SearchResponse<Void> response = index.client().search(s -> where(s, filter.withRange(range), visibility)
                .size(0)
                .aggregations("over_time", a -> a
                        .dateHistogram(h -> h
                                .field(EventFields.TIMESTAMP)
                                .fixedInterval(i -> i.time(interval.toSeconds() + "s"))
                                .minDocCount(0)
                                .extendedBounds(b -> b
                                        .min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(m -> m.value((double) range.start().toEpochMilli())))
                                        .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(m -> m.value((double) range.end().toEpochMilli())))))
                        .aggregations("outcome", o -> o.terms(t -> t.field(EventFields.OUTCOME).size(3)))),
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

    @Override
    public Optional<TimeRange> extent(EventFilter filter, Visibility visibility) throws IOException {
        SearchResponse<Void> response = index.client().search(s -> where(s, filter, visibility)
                .size(0)
                .aggregations("first", a -> a.min(m -> m.field(EventFields.TIMESTAMP)))
                .aggregations("last", a -> a.max(m -> m.field(EventFields.TIMESTAMP))), Void.class);
        Aggregate first = response.aggregations().get("first");
        Aggregate last = response.aggregations().get("last");
        if (first == null || last == null || Double.isNaN(first.min().value()) || Double.isInfinite(first.min().value())) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(Instant.ofEpochMilli((long) first.min().value()), Instant.ofEpochMilli((long) last.max().value())));
    }

    @Override
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
            case DOCUMENT -> s.source(src -> src.filter(f -> f.excludes(EventFields.ORIGINAL)));
            case ORIGINAL -> s.source(src -> src.filter(f -> f.includes(EventFields.ORIGINAL, EventFields.TIMESTAMP)));
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
