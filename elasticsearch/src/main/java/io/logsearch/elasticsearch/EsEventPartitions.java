package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.StoreHealth;
import java.util.List;

/** The partitions of an index base as Elasticsearch indices, open or closed. */
final class EsEventPartitions implements EventPartitions {

    private final ElasticsearchClient client;
    private final Partitioning partitions;

    EsEventPartitions(ElasticsearchClient client, Partitioning partitions) {
        this.client = client;
        this.partitions = partitions;
    }

    @Override
    public List<String> existing() {
        return Failures.attempt(() -> client.indices()
                .get(g -> g.index(partitions.allPartitions()).expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed)
                        .ignoreUnavailable(true).allowNoIndices(true))
                .result().keySet().stream()
                .filter(name -> partitions.endOf(name).isPresent())
                .toList());
    }

    @Override
    public void delete(List<String> names) {
        for (String name : names) {
            Failures.attempt(() -> client.indices().delete(d -> d.index(name)));
        }
    }

    @Override
    public void refresh() {
        Failures.attempt(() -> client.indices().refresh(r -> r.index(partitions.allPartitions())));
    }

    @Override
    public StoreHealth health() {
        HealthResponse health = Failures.attempt(() -> client.cluster().health());
        return new StoreHealth(health.status().jsonValue(), health.clusterName());
    }
}
