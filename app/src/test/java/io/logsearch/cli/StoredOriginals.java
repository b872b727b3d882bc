package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a base's partitions hold, for tests that copy events from one base to another: each id's {@code event.original}. */
final class StoredOriginals {

    private StoredOriginals() {
    }

    /** The events of {@code base}'s partitions (up to 10,000), not of its access log's: a server records every request it answers. */
    static Map<String, String> of(ElasticsearchClient client, String base) throws IOException {
        List<String> events = List.of(base + "-*", "-" + base + "-access-*");
        // a partition just created may not have its shard yet, and a search would fail on it
        client.cluster().health(h -> h.index(base + "-*").waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("60s")));
        client.indices().refresh(r -> r.index(events).ignoreUnavailable(true).allowNoIndices(true));
        SearchResponse<JsonNode> found = client.search(s -> s.index(events).ignoreUnavailable(true).allowNoIndices(true)
                .size(10_000), JsonNode.class);
        Map<String, String> documents = new TreeMap<>();
        for (Hit<JsonNode> hit : found.hits().hits()) {
            assertEquals(null, documents.put(hit.id(), hit.source().path("event").path("original").asText()), "one document per id");
        }
        return documents;
    }
}
