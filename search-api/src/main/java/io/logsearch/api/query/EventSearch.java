package io.logsearch.api.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.elasticsearch.EventIndex;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** Translates {@link EventQuery} into Elasticsearch searches over the partitions of an index. */
public final class EventSearch {

    private final EventIndex index;

    public EventSearch(EventIndex index) {
        this.index = index;
    }

    public EventPage search(EventQuery query) throws IOException {
        SearchResponse<ObjectNode> response = index.client().search(s -> s
                        .index(index.partitions().allPartitions())
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(query.size())
                        .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("event.id").order(SortOrder.Desc)))
                        .source(src -> src.filter(f -> f.excludes("event.original")))
                        .trackTotalHits(t -> t.count(10_000)),
                ObjectNode.class);
        List<ObjectNode> events = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        var total = response.hits().total();
        long value = total == null ? events.size() : total.value();
        boolean exact = total == null || total.relation() == TotalHitsRelation.Eq;
        return new EventPage(events, value, exact);
    }
}
