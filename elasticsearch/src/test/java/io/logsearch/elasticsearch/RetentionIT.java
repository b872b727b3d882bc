package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.Retention;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention without ILM: whole partitions that ended before the cutoff go, the current one never. */
@ExtendWith(RealElasticsearch.class)
class RetentionIT {

    private static ElasticsearchClient client;
    private static String base;

    @BeforeAll
    static void connect(TestElasticsearch es) {
        client = EsClients.create(EsSettings.of(es.url()));
        base = es.indexBase();
    }

    @AfterAll
    static void close() throws IOException {
        client._transport().close();
    }

    private static void create(String index) throws IOException {
        client.indices().create(c -> c.index(index));
    }

    private static boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    @Test
    void dailyPartitionsEndingBeforeTheCutoffAreDeleted() throws IOException {
        EsEventStore index = EsEventStore.on(client, Partitioning.daily(base + "-d"), 0);
        Instant now = Instant.parse("2024-06-15T10:00:00Z");
        for (String day : List.of("2024.03.16", "2024.03.17", "2024.03.18", "2024.06.15")) {
            create(base + "-d-" + day);
        }
        create(base + "-d-archive");
        Retention retention = new Retention(index);
        // 90 days before 2024-06-15T10:00 is 2024-03-17T10:00: only the 16th has ended by then
        List<String> expired = retention.expired(now.minus(Duration.ofDays(90)), now);
        assertEquals(List.of(base + "-d-2024.03.16"), expired);
        assertTrue(exists(base + "-d-2024.03.16"), "listing deletes nothing");
        retention.delete(expired);
        assertFalse(exists(base + "-d-2024.03.16"));
        assertTrue(exists(base + "-d-2024.03.17"));
        assertTrue(exists(base + "-d-archive"), "indices that are not partitions are left alone");
    }

    @Test
    void theCurrentPartitionSurvivesAnyCutoff() throws IOException {
        EsEventStore index = EsEventStore.on(client, new Partitioning(base + "-m", Granularity.MONTHLY), 0);
        Instant now = Instant.parse("2024-06-15T10:00:00Z");
        create(base + "-m-2024.05");
        create(base + "-m-2024.06");
        List<String> expired = new Retention(index).expired(now.plus(Duration.ofDays(365)), now);
        assertEquals(List.of(base + "-m-2024.05"), expired);
    }
}
