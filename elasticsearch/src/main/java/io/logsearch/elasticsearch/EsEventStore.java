package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.EventWriter;
import io.logsearch.storage.SealRecords;

/**
 * The events of one index base in one Elasticsearch cluster: date partitions named by
 * {@link Partitioning}, created from the base's composable index template with {@code replicas}
 * replicas.
 */
public final class EsEventStore implements EventStore {

    private final ElasticsearchClient client;
    private final Partitioning partitions;
    private final int replicas;
    private final String description;

    private EsEventStore(ElasticsearchClient client, Partitioning partitions, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        this.client = client;
        this.partitions = partitions;
        this.replicas = replicas;
        this.description = Failures.clusterName(client);
    }

    /** The store on {@code client}, which the caller made (e.g. with {@link EsClients#create}) and closes. */
    public static EsEventStore on(ElasticsearchClient client, Partitioning partitions, int replicas) {
        return new EsEventStore(client, partitions, replicas);
    }

    @Override
    public Partitioning partitions() {
        return partitions;
    }

    @Override
    public boolean ensureTemplate() {
        return Failures.attempt(() -> IndexTemplates.ensureInstalled(client, base(), replicas));
    }

    @Override
    public void installTemplate() {
        Failures.attempt(() -> {
            IndexTemplates.install(client, base(), replicas);
            return true;
        });
    }

    @Override
    public EventWriter writer() {
        return new EsEventWriter(client, partitions, description);
    }

    @Override
    public EventSearch search() {
        return new EsEventSearch(client, partitions);
    }

    @Override
    public EventAggregations aggregations() {
        return new EsEventAggregations(client, partitions);
    }

    @Override
    public EventPartitions partitionAdmin() {
        return new EsEventPartitions(client, partitions);
    }

    @Override
    public EventDocuments documents() {
        return new EsEventDocuments(client);
    }

    @Override
    public SealRecords seals() {
        return new EsSealRecords(client, base(), replicas);
    }

    @Override
    public String description() {
        return description;
    }
}
