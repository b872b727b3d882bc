package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.StorageException;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A partition's documents come back each exactly once, with their ids and sources, across many pages. */
@ExtendWith(RealElasticsearch.class)
class EsEventDocumentsIT {

    private static ElasticsearchClient client;
    private static String base;
    private static String url;

    @BeforeAll
    static void connect(TestElasticsearch es) {
        client = EsClients.create(EsSettings.of(es.url()));
        base = es.indexBase();
        url = es.url();
    }

    @AfterAll
    static void close() throws IOException {
        client._transport().close();
    }

    @Test
    void everyDocumentOfThePartitionComesOnceAcrossPages() throws IOException {
        String partition = base + "-2026.11.01";
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (int i = 0; i < 2500; i++) {
            ObjectNode source = JsonNodeFactory.instance.objectNode().put("@timestamp", "2026-11-01T00:00:00Z").put("n", i);
            String id = "doc-" + i;
            bulk.operations(o -> o.create(c -> c.index(partition).id(id).document(source)));
        }
        client.indices().create(c -> c.index(base + "-2026.11.02"));
        assertFalse(client.bulk(bulk.build()).errors());

        EsEventStore store = EsEventStore.on(client, Partitioning.daily(base), 0);
        Map<String, Integer> seen = new HashMap<>();
        store.documents().forEach(partition,
                document -> assertNull(seen.put(document.id(), document.source().get("n").intValue()), "once: " + document.id()));
        assertEquals(2500, seen.size());
        assertEquals(1234, seen.get("doc-1234"));

        store.documents().forEach(base + "-2026.11.02", document -> seen.clear());
        assertEquals(2500, seen.size(), "an empty partition hands over nothing");
        assertThrows(StorageException.class, () -> store.documents().forEach(base + "-2026.11.03", seen::remove),
                "a partition that is not there is an error");
    }

    /** ES_URL as a list makes a client on a ClusterTransport; seal and verify read through it too, and past a dead node. */
    @Test
    void aClientGivenSeveralNodesReadsEveryDocumentPastADeadOne() throws IOException {
        String partition = base + "-2026.11.05";
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (int i = 0; i < 1500; i++) {
            ObjectNode source = JsonNodeFactory.instance.objectNode().put("@timestamp", "2026-11-05T00:00:00Z").put("n", i);
            String id = "doc-" + i;
            bulk.operations(o -> o.create(c -> c.index(partition).id(id).document(source)));
        }
        assertFalse(client.bulk(bulk.build()).errors());

        ElasticsearchClient cluster = EsClients.create(EsSettings.of("http://127.0.0.1:" + Ports.free() + "," + url));
        try {
            EsEventStore store = EsEventStore.on(cluster, Partitioning.daily(base), 0);
            Set<String> seen = new HashSet<>();
            for (int round = 0; round < 2; round++) {
                seen.clear();
                store.documents().forEach(partition, document -> assertTrue(seen.add(document.id()), "once: " + document.id()));
                assertEquals(1500, seen.size(), "round " + round);
            }
        } finally {
            cluster._transport().close();
        }
    }

    @Test
    void decimalsComeBackExactlyNotAsDoubles() throws Exception {
        String partition = base + "-2026.11.04";
        client.indices().create(c -> c.index(partition).mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)));
        // over plain HTTP: the client would parse the number into a double before sending it
        java.net.http.HttpResponse<String> indexed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(url + "/" + partition + "/_doc/d?refresh=true")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"@timestamp\":\"2026-11-04T00:00:00Z\",\"amount\":0.10000000000000000001}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, indexed.statusCode(), indexed.body());
        EsEventStore store = EsEventStore.on(client, Partitioning.daily(base), 0);
        java.util.List<java.math.BigDecimal> amounts = new java.util.ArrayList<>();
        store.documents().forEach(partition, document -> amounts.add(document.source().get("amount").decimalValue()));
        assertEquals(java.util.List.of(new java.math.BigDecimal("0.10000000000000000001")), amounts);
    }
}
