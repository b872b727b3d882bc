package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.logsearch.mappings.EventFields;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.HistogramBucket;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.storage.query.TopBucket;
import io.logsearch.storage.query.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link EventAggregations} with Elasticsearch aggregations over the partitions a filter needs. */
final class EsEventAggregations implements EventAggregations {

    private final ElasticsearchClient client;
    private final Partitioning partitions;

    EsEventAggregations(ElasticsearchClient client, Partitioning partitions) {
        this.client = client;
        this.partitions = partitions;
    }

    @Override
    public List<HistogramBucket> histogram(EventFilter filter, Visibility visibility, TimeRange range, Duration interval) {
        SearchResponse<Void> response = Failures.attempt(() -> client.search(s -> QueryTranslator
                .scope(s, partitions, filter.withRange(range), visibility)
                .size(0)
                .aggregations("over_time", a -> a
                        .dateHistogram(h -> h
                                .field(EventFields.TIMESTAMP)
                                .fixedInterval(i -> i.time(interval.toSeconds() + "s"))
                                .minDocCount(0)
                                .extendedBounds(b -> b
                                        .min(FieldDateMath.of(m -> m.value((double) range.start().toEpochMilli())))
                                        .max(FieldDateMath.of(m -> m.value((double) range.end().toEpochMilli())))))
                        .aggregations("outcome", o -> o.terms(t -> t.field(EventFields.OUTCOME).size(3)))),
                Void.class));
        Aggregate overTime = response.aggregations().get("over_time");
        if (overTime == null) {
            return emptyBuckets(range, interval);
        }
        List<HistogramBucket> buckets = new ArrayList<>();
        for (DateHistogramBucket bucket : overTime.dateHistogram().buckets().array()) {
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

    /**
     * The buckets Elasticsearch gives when nothing in the range matches, for a search that found no
     * partition to ask (and so no aggregation): zero counts, aligned to the epoch as its fixed intervals are.
     */
    static List<HistogramBucket> emptyBuckets(TimeRange range, Duration interval) {
        long step = interval.toMillis();
        List<HistogramBucket> buckets = new ArrayList<>();
        for (long start = Math.floorDiv(range.start().toEpochMilli(), step) * step; start <= range.end().toEpochMilli(); start += step) {
            buckets.add(new HistogramBucket(Partitioning.clamp(Instant.ofEpochMilli(start)), 0, 0, 0));
        }
        return buckets;
    }

    @Override
    public Optional<TimeRange> extent(EventFilter filter, Visibility visibility) {
        SearchResponse<Void> response = Failures.attempt(() -> client.search(s -> QueryTranslator.scope(s, partitions, filter, visibility)
                .size(0)
                .aggregations("first", a -> a.min(m -> m.field(EventFields.TIMESTAMP)))
                .aggregations("last", a -> a.max(m -> m.field(EventFields.TIMESTAMP))), Void.class));
        Aggregate first = response.aggregations().get("first");
        Aggregate last = response.aggregations().get("last");
        if (first == null || last == null || Double.isNaN(first.min().value()) || Double.isInfinite(first.min().value())) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(Instant.ofEpochMilli((long) first.min().value()), Instant.ofEpochMilli((long) last.max().value())));
    }

    @Override
    public List<TopBucket> top(EventFilter filter, Visibility visibility, String field, int size) {
        SearchResponse<Void> response = Failures.attempt(() -> client.search(s -> QueryTranslator.scope(s, partitions, filter, visibility)
                .size(0)
                .aggregations("top", a -> a.terms(t -> t.field(field).size(size))), Void.class));
        Aggregate top = response.aggregations().get("top");
        List<TopBucket> buckets = new ArrayList<>();
        // a search that found no partition to ask has no aggregation
        if (top != null && top.isSterms()) {
            top.sterms().buckets().array().forEach(b -> buckets.add(new TopBucket(b.key().stringValue(), b.docCount())));
        }
        return buckets;
    }
}
