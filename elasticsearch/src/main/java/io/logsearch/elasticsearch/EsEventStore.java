package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.mappings.IndexTemplate;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.EventWriter;

/**
 * The events of one index base in one Elasticsearch cluster: date partitions named by
 * {@link Partitioning}, created from the base's composable index template with {@code replicas}
 * replicas; and, through {@link #accessLog()}, that base's access log.
 */
public final class EsEventStore implements EventStore {

    private final ElasticsearchClient client;
    private final Partitioning partitions;
    private final int replicas;
    private final String description;
    private final Template template;

    /** A template's name and its body for {@code PUT _index_template}. */
    private record Template(String name, String body) {
    }

    private EsEventStore(ElasticsearchClient client, Partitioning partitions, int replicas, Template template) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        this.client = client;
        this.partitions = partitions;
        this.replicas = replicas;
        this.description = Failures.clusterName(client);
        this.template = template;
    }

    /** The store on {@code client}, which the caller made (e.g. with {@link EsClients#create}) and closes. */
    public static EsEventStore on(ElasticsearchClient client, Partitioning partitions, int replicas) {
        return new EsEventStore(client, partitions, replicas,
                new Template(IndexTemplate.name(partitions.base()), IndexTemplate.body(partitions.base(), replicas)));
    }

    @Override
    public Partitioning partitions() {
        return partitions;
    }

    @Override
    public boolean ensureTemplate() {
        return Failures.attempt(() -> IndexTemplates.ensure(client, template.name(), template.body()));
    }

    @Override
    public void installTemplate() {
        Failures.attempt(() -> {
            IndexTemplates.put(client, template.name(), template.body());
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
    public EventStore accessLog() {
        String base = base();
        return new EsEventStore(client, AccessLogIndex.partitioning(base), replicas,
                new Template(AccessLogIndex.templateName(base), AccessLogIndex.body(base, replicas)));
    }

    @Override
    public String description() {
        return description;
    }
}
