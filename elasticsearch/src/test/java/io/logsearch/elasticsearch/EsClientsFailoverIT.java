package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client given several nodes ({@code ES_URL} as a list) keeps answering when one of them is dead. */
@ExtendWith(RealElasticsearch.class)
class EsClientsFailoverIT {

    @Test
    void everyRequestIsAnsweredWhenOneNodeOfTheListIsDead(TestElasticsearch es) throws IOException {
        String dead = "http://127.0.0.1:" + Ports.free();
        for (String urls : new String[] {dead + "," + es.url(), es.url() + "," + dead}) {
            ElasticsearchClient client = EsClients.create(EsSettings.of(urls));
            try {
                int answered = 0;
                for (int i = 0; i < 20; i++) {
                    client.cluster().health();
                    client.count(c -> c.index(es.indexBase() + "-*").allowNoIndices(true));
                    answered += 2;
                }
                assertEquals(40, answered, urls);
            } finally {
                client._transport().close();
            }
        }
    }

    /**
     * A node that takes the connection and drops it unanswered, as one killed mid-request does: the
     * low-level client would send the request again to the next node from a half-consumed body, so a
     * bulk request must fail instead (the bulk write path re-sends it whole), and reach no other node.
     */
    @Test
    void aBulkRequestADroppedConnectionFailsIsNotSentAgainToAnotherNode(TestElasticsearch es) throws Exception {
        String index = es.indexBase() + "-bulk";
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try (Socket connection = dropping.accept()) {
                        connection.getInputStream().read(new byte[1024]);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "dropping-node");
            dropper.setDaemon(true);
            dropper.start();
            ElasticsearchClient client = EsClients.create(EsSettings.of("http://127.0.0.1:" + dropping.getLocalPort() + "," + es.url()));
            try {
                int failed = 0;
                int sent = 0;
                for (int request = 0; request < 4; request++) {
                    BulkRequest.Builder bulk = new BulkRequest.Builder();
                    for (int i = 0; i < 50; i++) {
                        String id = request + "-" + i;
                        bulk.operations(op -> op.create(c -> c.index(index).id(id).document(Map.of("n", id))));
                    }
                    try {
                        assertFalse(client.bulk(bulk.build()).errors());
                        sent++;
                    } catch (IOException dropped) {
                        failed++;
                    }
                }
                assertEquals(1, failed, "the request that met the dropping node failed, and that node was left out after it");
                client.indices().refresh(r -> r.index(index));
                assertEquals(sent * 50L, client.count(c -> c.index(index)).count(), "nothing of the failed request was written");
            } finally {
                client._transport().close();
            }
        }
    }

    @Test
    void whenEveryNodeIsDeadTheRequestFailsWithTheConnectionError() throws IOException {
        String urls = "http://127.0.0.1:" + Ports.free() + ",http://127.0.0.1:" + Ports.free();
        ElasticsearchClient client = EsClients.create(EsSettings.of(urls));
        try {
            IOException failure = assertThrows(IOException.class, () -> client.cluster().health());
            assertTrue(failure instanceof ConnectException || failure.getCause() instanceof ConnectException
                    || String.valueOf(failure.getMessage()).contains("Connection refused"), failure.toString());
        } finally {
            client._transport().close();
        }
    }
}
