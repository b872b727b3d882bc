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
import io.logsearch.storage.SealRecords;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The events of one index base in one Elasticsearch cluster: date partitions named by
 * {@link Partitioning}, created from the base's composable index template with {@code replicas}
 * replicas: as many as asked, else one when the cluster has more than one data node and none on a
 * single node (asked when the template is installed); and, through {@link #accessLog()}, that
 * base's access log.
 */
public final class EsEventStore implements EventStore {

    private final ElasticsearchClient client;
    private final Partitioning partitions;
    private final OptionalInt replicas;
    private final String description;
    private final Template template;

    /** A template's name and its body for {@code PUT _index_template}, given the replicas. */
    private record Template(String name, IntFunction<String> body) {
    }

    private EsEventStore(ElasticsearchClient client, Partitioning partitions, OptionalInt replicas, Template template) {
        if (replicas.orElse(0) < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas.getAsInt());
        }
        this.client = client;
        this.partitions = partitions;
        this.replicas = replicas;
        this.description = Failures.clusterName(client);
        this.template = template;
    }

    /** The store on {@code client}, which the caller made (e.g. with {@link EsClients#create}) and closes. */
    public static EsEventStore on(ElasticsearchClient client, Partitioning partitions, int replicas) {
        return new EsEventStore(client, partitions, OptionalInt.of(replicas), eventsTemplate(partitions.base()));
    }

    /** The store on {@code client} with the replicas the cluster's data nodes allow: one when there are several, else none. */
    public static EsEventStore on(ElasticsearchClient client, Partitioning partitions) {
        return new EsEventStore(client, partitions, OptionalInt.empty(), eventsTemplate(partitions.base()));
    }

    private static Template eventsTemplate(String base) {
        return new Template(IndexTemplate.name(base), replicas -> IndexTemplate.body(base, replicas));
    }

    @Override
    public Partitioning partitions() {
        return partitions;
    }

    @Override
    public boolean ensureTemplate() {
        return Failures.attempt(() -> IndexTemplates.ensure(client, template.name(), template.body().apply(replicas())));
    }

    @Override
    public void installTemplate() {
        Failures.attempt(() -> {
            IndexTemplates.put(client, template.name(), template.body().apply(replicas()));
            return true;
        });
    }

    private int replicas() throws IOException {
        if (replicas.isPresent()) {
            return replicas.getAsInt();
        }
        return client.cluster().health().numberOfDataNodes() > 1 ? 1 : 0;
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
        return new EsSealRecords(client, base(), () -> Failures.attempt(this::replicas));
    }

    @Override
    public EventStore accessLog() {
        String base = base();
        return new EsEventStore(client, AccessLogIndex.partitioning(base), replicas,
                new Template(AccessLogIndex.templateName(base), replicas -> AccessLogIndex.body(base, replicas)));
    }

    @Override
    public String description() {
        return description;
    }
}
