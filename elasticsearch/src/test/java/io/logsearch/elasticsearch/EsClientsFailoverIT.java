package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.ConnectException;
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
