package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import io.logsearch.storage.StoredDocument;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * A partition's documents through a point in time, paged with {@code search_after} on
 * {@code _shard_doc}: Elasticsearch refuses to sort on {@code _id}, so the order is the store's.
 * The pages are read with decimals as exact decimals, not doubles (as the client's mapper reads
 * them), so a changed digit that a double would round away still changes the document.
 */
final class EsEventDocuments implements EventDocuments {

    private static final int PAGE = 1000;
    private static final String KEEP_ALIVE = "2m";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final ElasticsearchClient client;
    private final RestClient rest;

    EsEventDocuments(ElasticsearchClient client) {
        this.client = client;
        this.rest = restClient(client);
    }

    /** The low-level client under {@code client}: of its one node, or of every node of a cluster. */
    private static RestClient restClient(ElasticsearchClient client) {
        if (client._transport() instanceof RestClientTransport transport) {
            return transport.restClient();
        }
        if (client._transport() instanceof ClusterTransport cluster) {
            return cluster.restClient();
        }
        throw new IllegalArgumentException("reading stored documents needs a client made by EsClients, not one on "
                + client._transport().getClass().getSimpleName());
    }

    @Override
    public void forEach(String partition, Consumer<StoredDocument> consumer) {
        String pit = Failures.attempt(() -> client.openPointInTime(p -> p.index(partition).keepAlive(k -> k.time(KEEP_ALIVE))).id());
        try {
            Optional<JsonNode> after = Optional.empty();
            while (true) {
                ObjectNode body = JSON.createObjectNode().put("size", PAGE).put("track_total_hits", false);
                body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
                body.putArray("sort").addObject().put("_shard_doc", "asc");
                after.ifPresent(sort -> body.set("search_after", sort));
                JsonNode hits = page(body).path("hits").path("hits");
                for (JsonNode hit : hits) {
                    if (!(hit.get("_source") instanceof ObjectNode source)) {
                        throw new StorageException(FailureKind.FATAL, "a stored document has no source",
                                "document " + hit.path("_id").asText() + " of " + partition + " came back without _source", null);
                    }
                    consumer.accept(new StoredDocument(hit.path("_id").asText(), source));
                }
                if (hits.size() < PAGE) {
                    return;
                }
                after = Optional.of((ArrayNode) hits.get(hits.size() - 1).get("sort"));
            }
        } finally {
            Failures.attempt(() -> client.closePointInTime(c -> c.id(pit)));
        }
    }

    private JsonNode page(ObjectNode body) {
        return Failures.attempt(() -> {
            Request request = new Request("POST", "/_search");
            request.setEntity(new NStringEntity(body.toString(), ContentType.APPLICATION_JSON));
            try (InputStream in = rest.performRequest(request).getEntity().getContent()) {
                return JSON.readTree(in);
            }
        });
    }
}
