package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.SealRecords;
import io.logsearch.storage.SealRecords.SealRecord;
import io.logsearch.storage.StorageException;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seal records in {@code <base>-digests}: hidden, with their own mapping, create-only, their leaf chunks in order. */
@ExtendWith(RealElasticsearch.class)
class EsSealRecordsIT {

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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsAndTheirChunksComeBackInOrderAndAreNeverReplaced() throws IOException {
        EsEventStore store = EsEventStore.on(client, Partitioning.daily(base), 0);
        store.installTemplate();
        SealRecords seals = store.seals();
        assertEquals(List.of(), seals.all(), "no index yet: no records");
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            chunks.add(utf8("chunk " + i));
        }
        seals.add(new SealRecord(base + "-2026.11.02.v1", utf8("{\"b\":1}")), chunks.iterator());
        seals.add(new SealRecord(base + "-2026.11.01.v1", utf8("{\"a\":1}")), List.<byte[]>of().iterator());

        List<SealRecord> all = seals.all();
        assertEquals(List.of(base + "-2026.11.01.v1", base + "-2026.11.02.v1"), all.stream().map(SealRecord::name).toList());
        assertArrayEquals(utf8("{\"b\":1}"), all.get(1).bytes());
        List<String> read = new ArrayList<>();
        seals.leaves(base + "-2026.11.02.v1", chunk -> read.add(new String(chunk, StandardCharsets.UTF_8)));
        assertEquals(11, read.size());
        assertEquals("chunk 0", read.get(0));
        assertEquals("chunk 10", read.get(10));
        seals.leaves(base + "-2026.11.01.v1", chunk -> read.clear());
        assertEquals(11, read.size(), "a record without leaves hands over none");

        assertThrows(StorageException.class, () -> seals.add(new SealRecord(base + "-2026.11.01.v1", utf8("{}")), List.<byte[]>of().iterator()));
        assertArrayEquals(utf8("{\"a\":1}"), seals.all().get(0).bytes(), "the first record stays");

        String index = base + "-digests";
        assertEquals("true", String.valueOf(client.indices().getSettings(g -> g.index(index)).get(index).settings().index().hidden()));
        assertTrue(client.indices().getMapping(g -> g.index(index)).get(index).mappings().properties().keySet()
                .equals(java.util.Set.of("record", "kind", "chunk", "bytes")), "its own mapping, not the events'");
        assertEquals(0, client.count(c -> c.index(store.partitions().allPartitions())).count(), "the events' pattern does not see it");
    }
}
