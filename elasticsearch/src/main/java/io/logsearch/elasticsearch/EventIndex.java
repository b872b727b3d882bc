package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.Partitioning;
import java.io.IOException;

/**
 * The events of one index base in one cluster: the client, how events are partitioned, and how
 * many replicas new partitions get.
 */
public record EventIndex(ElasticsearchClient client, Partitioning partitions, int replicas) {

    public EventIndex {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
    }

    public String base() {
        return partitions.base();
    }

    /** Installs the index template unless it is there; true when it was installed now. */
    public boolean ensureTemplate() throws IOException {
        return IndexTemplates.ensureInstalled(client, base(), replicas);
    }

    /** Installs or replaces the index template. */
    public void installTemplate() throws IOException {
        IndexTemplates.install(client, base(), replicas);
    }
}
