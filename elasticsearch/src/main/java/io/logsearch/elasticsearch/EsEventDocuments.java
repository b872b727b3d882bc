package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.StoredDocument;
import java.util.List;
import java.util.function.Consumer;

/**
 * A partition's documents through a point in time, paged with {@code search_after} on
 * {@code _shard_doc}: Elasticsearch refuses to sort on {@code _id}, so the order is the store's.
 */
final class EsEventDocuments implements EventDocuments {

    private static final int PAGE = 1000;
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient client;

    /**
     * Reads the sources with decimals as exact decimals, not doubles, so a changed digit that a
     * double would round away still changes the document; over the connection of {@code client}.
     */
    EsEventDocuments(ElasticsearchClient client) {
        this.client = client._transport() instanceof RestClientTransport transport
                ? new ElasticsearchClient(new RestClientTransport(transport.restClient(), new JacksonJsonpMapper(
                        JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build())))
                : client;
    }

    @Override
    public void forEach(String partition, Consumer<StoredDocument> consumer) {
        String pit = Failures.attempt(() -> client.openPointInTime(p -> p.index(partition).keepAlive(k -> k.time(KEEP_ALIVE))).id());
        try {
            List<FieldValue> after = List.of();
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> page = Failures.attempt(() -> client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .size(PAGE)
                            .trackTotalHits(t -> t.enabled(false))
                            .sort(o -> o.field(f -> f.field("_shard_doc")));
                    if (!from.isEmpty()) {
                        s.searchAfter(from);
                    }
                    return s;
                }, ObjectNode.class));
                List<Hit<ObjectNode>> hits = page.hits().hits();
                for (Hit<ObjectNode> hit : hits) {
                    consumer.accept(new StoredDocument(hit.id(), hit.source()));
                }
                if (hits.size() < PAGE) {
                    return;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            Failures.attempt(() -> client.closePointInTime(c -> c.id(pit)));
        }
    }
}
