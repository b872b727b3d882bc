package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.BulkSettings;
import io.logsearch.storage.EventWriter;
import io.logsearch.storage.RetryBudget;
import io.logsearch.storage.WriteOutcomes;
import io.logsearch.storage.WriteSession;
import java.util.Optional;

/** Writes events with {@code create} bulk actions, each into the partition of its day. */
final class EsEventWriter implements EventWriter {

    /**
     * What a bulk answer is read for: each item's index, status and error, and a whole request's
     * error. Leaving out the rest of each item (id, version, shards, sequence numbers) makes the
     * answer a fraction of its size, and reading it a fraction of the work.
     */
    private static final String OUTCOMES = "took,errors,items.*._index,items.*.status,items.*.error,error,status";

    /**
     * How long Elasticsearch may wait for a partition's primary shard (or its creation, or a mapping
     * update) before answering the items with 503 {@code unavailable_shards_exception}: inside the
     * client's socket timeout, so that a partition without an active primary is named in the answer
     * instead of the request being abandoned unanswered (Elasticsearch's default is a minute).
     */
    static final String SHARD_WAIT = (EsClients.SOCKET_TIMEOUT_MILLIS - 10_000) / 1000 + "s";

    private final ElasticsearchClient client;
    private final Partitioning partitions;
    private final String cluster;

    EsEventWriter(ElasticsearchClient client, Partitioning partitions, String cluster) {
        this.client = client;
        this.partitions = partitions;
        this.cluster = cluster;
    }

    @Override
    public <C> WriteSession<C> open(BulkSettings settings, WriteOutcomes<C> outcomes) {
        RetryingBulkTransport transport = new RetryingBulkTransport(client._transport(), new RetryBudget(settings.maxRetryWait()),
                outcomes::retried, cluster);
        ElasticsearchAsyncClient bulkClient = new ElasticsearchAsyncClient(transport,
                Optional.ofNullable(client._transportOptions()).orElse(client._transport().options())
                        .with(options -> options.setParameter("filter_path", OUTCOMES).setParameter("timeout", SHARD_WAIT)));
        return new EsWriteSession<>(bulkClient, partitions, settings, outcomes);
    }
}
