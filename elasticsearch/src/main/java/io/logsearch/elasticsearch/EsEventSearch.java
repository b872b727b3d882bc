package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
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
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link EventSearch} with Elasticsearch searches: {@code search_after} on {@code @timestamp} and
 * {@code event.id} for pages, from/size (up to {@code index.max_result_window}) for numbered pages.
 */
final class EsEventSearch implements EventSearch {

    private static final int EXPORT_PAGE = 1000;

    private final ElasticsearchClient client;
    private final Partitioning partitions;

    EsEventSearch(ElasticsearchClient client, Partitioning partitions) {
        this.client = client;
        this.partitions = partitions;
    }

    /** A first page counts every match, as Kibana's Discover does; later pages keep the cheaper bound. */
    @Override
    public EventPage search(EventQuery query) {
        return search(query, query.after().isEmpty());
    }

    private EventPage search(EventQuery query, boolean exactTotal) {
        SearchResponse<ObjectNode> response = Failures.attempt(() -> client.search(s -> {
            QueryTranslator.scope(s, partitions, query.filter(), query.visibility())
                    .size(query.size() + 1)
                    .sort(sort(EventFields.TIMESTAMP, query.order()))
                    .sort(sort(EventFields.EVENT_ID, query.order()))
                    .trackTotalHits(t -> exactTotal ? t.enabled(true) : t.count(TRACK_TOTAL_UP_TO));
            query.after().ifPresent(after -> s.searchAfter(FieldValue.of(after.timestampMillis()), FieldValue.of(after.eventId())));
            project(s, query.projection());
            return s;
        }, ObjectNode.class));
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
                        Consumer<ObjectNode> consumer) {
        walk(filter, visibility, order, projection, Optional.empty(), consumer);
    }

    @Override
    public void forEachAfter(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                             SearchAfter start, Consumer<ObjectNode> consumer) {
        walk(filter, visibility, order, projection, Optional.of(start), consumer);
    }

    private void walk(EventFilter filter, Visibility visibility, SortOrder order, Projection projection,
                      Optional<SearchAfter> start, Consumer<ObjectNode> consumer) {
        Optional<SearchAfter> after = start;
        do {
            EventPage page = search(new EventQuery(filter, visibility, EXPORT_PAGE, order, after, projection), false);
            page.events().forEach(consumer);
            after = page.next();
        } while (after.isPresent());
    }

    @Override
    public NumberedPage page(EventFilter filter, Visibility visibility, int offset, int size, Projection projection) {
        if (offset < 0 || size < 1 || offset + size > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("results " + offset + " to " + (offset + size) + " lie beyond the first "
                    + MAX_RESULT_WINDOW + " results");
        }
        SearchResponse<ObjectNode> response = Failures.attempt(() -> client.search(s -> {
            QueryTranslator.scope(s, partitions, filter, visibility)
                    .from(offset)
                    .size(size)
                    .sort(sort(EventFields.TIMESTAMP, SortOrder.DESC))
                    .sort(sort(EventFields.EVENT_ID, SortOrder.DESC))
                    .trackTotalHits(t -> t.enabled(true));
            project(s, projection);
            return s;
        }, ObjectNode.class));
        List<ObjectNode> events = response.hits().hits().stream().map(Hit::source).toList();
        TotalHits total = response.hits().total();
        return new NumberedPage(events, total == null ? events.size() : total.value());
    }

    private static void project(SearchRequest.Builder s, Projection projection) {
        switch (projection) {
            case DOCUMENT -> s.source(src -> src.filter(f -> f.excludes(EventFields.ORIGINAL)));
            case ORIGINAL -> s.source(src -> src.filter(f -> f.includes(EventFields.ORIGINAL, EventFields.TIMESTAMP)));
            case DOCUMENT_WITH_ORIGINAL -> { }
        }
    }

    private static Function<SortOptions.Builder, ObjectBuilder<SortOptions>> sort(String field, SortOrder order) {
        co.elastic.clients.elasticsearch._types.SortOrder esOrder = order == SortOrder.ASC
                ? co.elastic.clients.elasticsearch._types.SortOrder.Asc
                : co.elastic.clients.elasticsearch._types.SortOrder.Desc;
        return o -> o.field(f -> f.field(field).order(esOrder));
    }
}
