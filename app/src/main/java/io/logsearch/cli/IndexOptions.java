package io.logsearch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which index base and partitioning a command works on; shared by every command that touches events. */
final class IndexOptions {

    @Option(names = "--index", paramLabel = "BASE", defaultValue = "${env:LOGSEARCH_INDEX:-logsearch-events}",
            converter = OptionConverters.IndexBase.class,
            description = "Index base: partitions are BASE-YYYY.MM.DD (default: $LOGSEARCH_INDEX, else logsearch-events).")
    String base;

    @Option(names = "--partition", paramLabel = "daily|monthly", defaultValue = "${env:LOGSEARCH_PARTITION:-daily}",
            converter = OptionConverters.Partition.class,
            description = "Partition length (default: $LOGSEARCH_PARTITION, else daily).")
    Granularity granularity;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "${env:LOGSEARCH_REPLICAS}",
            converter = OptionConverters.Replicas.class,
            description = "Replicas of new partitions (default: $LOGSEARCH_REPLICAS, else 1 when the cluster has more than one data node, else 0).")
    Optional<Integer> replicas;

    Partitioning partitioning() {
        return new Partitioning(base, granularity);
    }

    EsEventStore on(ElasticsearchClient client) {
        return replicas.map(n -> EsEventStore.on(client, partitioning(), n)).orElseGet(() -> EsEventStore.on(client, partitioning()));
    }
}
