package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountedRejectionsTest {

    @Test
    void eachRejectionIsCountedAndSunkOnce() {
        List<Rejection> sunk = new ArrayList<>();
        LoadCounters counters = new LoadCounters();
        RejectionSink rejections = new CountedRejections(sunk::add, counters);
        Rejection first = new Rejection("authing", "a.json", "record 1 (line 1, column 1)", "missing 'eventType'", "{}");
        Rejection second = new Rejection("authing", "a.json", "record 2 (line 2, column 1)", "invalid JSON", "{");

        rejections.reject(first);
        rejections.reject(second);

        assertEquals(List.of(first, second), sunk);
        assertEquals(2, counters.rejected());
    }
}
