package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedLeavesTest {

    @TempDir
    Path dir;

    private static List<String> ids(Iterator<Leaf> leaves) {
        List<String> ids = new ArrayList<>();
        leaves.forEachRemaining(leaf -> ids.add(leaf.id()));
        return ids;
    }

    @Test
    void leavesInAnyOrderComeBackInIdOrderThroughSpilledRuns() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.add(String.format("%03d", i));
        }
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(1));
        try (SortedLeaves leaves = new SortedLeaves(dir, 5)) {
            shuffled.forEach(id -> leaves.add(new Leaf(id, "ab".repeat(32))));
            try (var files = Files.list(dir)) {
                assertEquals(4, files.count(), "four full runs spilled");
            }
            assertEquals(expected, ids(leaves.sorted()));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "closing deletes the runs");
        }
    }

    @Test
    void fewLeavesStayInMemory() throws IOException {
        try (SortedLeaves leaves = new SortedLeaves(dir, 10)) {
            leaves.add(new Leaf("b", "ab".repeat(32)));
            leaves.add(new Leaf("a", "ab".repeat(32)));
            assertEquals(List.of("a", "b"), ids(leaves.sorted()));
        }
    }

    @Test
    void aRunHoldsAtLeastOneLeaf() {
        assertEquals("a run holds at least one leaf, not 0",
                assertThrows(IllegalArgumentException.class, () -> new SortedLeaves(dir, 0)).getMessage());
    }
}
