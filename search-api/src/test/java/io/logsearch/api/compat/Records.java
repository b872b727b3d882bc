package io.logsearch.api.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Comparisons of vendor records, where the order of an object's keys does not matter. */
final class Records {

    private Records() {
    }

    /** Fails unless both hold the same records the same number of times, in any order. */
    static void assertSameRecords(List<JsonNode> expected, List<JsonNode> actual) {
        assertEquals(expected.size(), actual.size(), "number of records");
        Map<JsonNode, Integer> missing = counts(expected);
        List<JsonNode> unexpected = new ArrayList<>();
        for (JsonNode record : actual) {
            if (missing.merge(record, -1, Integer::sum) < 0) {
                unexpected.add(record);
            }
        }
        missing.values().removeIf(count -> count == 0);
        assertEquals(List.of(), unexpected, () -> "records not in the export (or repeated); missing: " + missing.keySet());
    }

    /** Fails unless {@code key} of the records never increases. */
    static <T extends Comparable<T>> void assertNewestFirst(List<JsonNode> records, Function<JsonNode, T> key) {
        for (int i = 1; i < records.size(); i++) {
            T previous = key.apply(records.get(i - 1));
            T current = key.apply(records.get(i));
            if (previous.compareTo(current) < 0) {
                throw new AssertionError("record " + i + " (" + current + ") is newer than the one before it (" + previous + ")");
            }
        }
    }

    private static Map<JsonNode, Integer> counts(List<JsonNode> records) {
        Map<JsonNode, Integer> counts = new HashMap<>();
        records.forEach(record -> counts.merge(record, 1, Integer::sum));
        return counts;
    }
}
