package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionComparisonTest {

    private static final String PARTITION = "logsearch-events-2026.12.01";

    @TempDir
    Path dir;

    private final TreeMap<String, String> events = new TreeMap<>(Leaf.ID_ORDER);
    private PartitionDigest digest;
    private Path leafFile;

    private static String event(int i, String action) {
        return "{\"@timestamp\":\"2026-12-01T" + String.format("%02d", i % 24) + ":00:00Z\",\"event\":{\"action\":\"" + action + "\"}}";
    }

    @BeforeEach
    void seal() throws IOException {
        for (int i = 0; i < 50; i++) {
            events.put(String.format("%064x", i * 7919L), event(i, "login"));
        }
        leafFile = dir.resolve("leaves.ndjson");
        List<String> shuffled = new ArrayList<>(events.keySet());
        Collections.shuffle(shuffled, new Random(7));
        try (PartitionSeal seal = new PartitionSeal(dir, 8)) {
            shuffled.forEach(id -> seal.add(id, events.get(id).getBytes(StandardCharsets.UTF_8)));
            digest = seal.digest(leafFile, "logsearch-events", PARTITION, 1, PartitionDigest.GENESIS, Instant.now(), "k");
        }
    }

    private List<Leaf> current() {
        List<Leaf> leaves = new ArrayList<>();
        events.forEach((id, source) -> leaves.add(Leaf.of(id, source.getBytes(StandardCharsets.UTF_8))));
        return leaves;
    }

    private PartitionReport verify() throws IOException {
        try (LeafFile.Reader sealed = new LeafFile.Reader(leafFile)) {
            return PartitionComparison.compare(digest, true, sealed, current().iterator());
        }
    }

    @Test
    void theDigestDescribesThePartition() throws IOException {
        assertEquals(50, digest.documentCount());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), digest.earliest());
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), digest.latest());
        MerkleRoot root = new MerkleRoot();
        current().forEach(root::add);
        assertEquals(root.root(), digest.merkleRoot());
        assertEquals(50, Files.readAllLines(leafFile).size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(leafFile), files.toList(), "the sorted runs are deleted");
        }
    }

    @Test
    void untouchedIsIntactAndLayoutDoesNotCount() throws IOException {
        String first = events.firstKey();
        events.put(first, "{ \"event\" : {\"action\":\"login\"},\n\"@timestamp\":\"2026-12-01T00:00:00Z\" }");
        PartitionReport report = verify();
        assertTrue(report.intact(), report.toString());
    }

    @Test
    void modifiedDeletedAndInsertedEventsAreEachNamed() throws IOException {
        List<String> ids = new ArrayList<>(events.keySet());
        events.put(ids.get(10), event(10, "logout"));
        events.remove(ids.get(20));
        events.remove(ids.get(49));
        String forged = "f".repeat(64);
        events.put(forged, event(3, "login"));
        String forgedFirst = "0";
        events.put(forgedFirst, event(3, "login"));
        PartitionReport report = verify();
        assertFalse(report.intact());
        assertEquals(List.of(ids.get(10)), report.modified().ids());
        assertEquals(List.of(ids.get(20), ids.get(49)), report.deleted().ids());
        assertEquals(2, report.deleted().count());
        assertEquals(List.of(forgedFirst, forged), report.inserted().ids());
        assertTrue(report.signatureValid());
        assertTrue(report.leavesMatch());
        assertEquals(1, report.sealedVersion());
    }

    @Test
    void aRewrittenLeafFileIsReportedAndCannotHideADeletion() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(leafFile));
        String deletedId = events.firstKey();
        lines.remove(0);
        Files.write(leafFile, lines);
        events.remove(deletedId);
        PartitionReport report = verify();
        assertFalse(report.leavesMatch());
        assertFalse(report.intact());
    }

    @Test
    void aBadSignatureMakesThePartitionNotIntact() throws IOException {
        try (LeafFile.Reader sealed = new LeafFile.Reader(leafFile)) {
            PartitionReport report = PartitionComparison.compare(digest, false, sealed, current().iterator());
            assertFalse(report.intact());
            assertEquals(0, report.modified().count() + report.deleted().count() + report.inserted().count());
        }
    }

    @Test
    void aPartitionWithoutDigestHasAllItsEventsInserted() {
        PartitionReport report = PartitionComparison.unsealed(PARTITION, current().iterator());
        assertEquals(0, report.sealedVersion());
        assertEquals(50, report.inserted().count());
        assertEquals(events.firstKey(), report.inserted().ids().get(0));
        assertFalse(report.intact());
    }

    @Test
    void onlyTheFirstThousandIdsAreListedButAllAreCounted() {
        List<Leaf> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(new Leaf(String.format("%06d", i), "ab".repeat(32)));
        }
        PartitionReport report = PartitionComparison.unsealed(PARTITION, many.iterator());
        assertEquals(1500, report.inserted().count());
        assertEquals(TamperedIds.LISTED, report.inserted().ids().size());
    }
}
