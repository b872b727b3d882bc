package io.logsearch.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The access log never makes a request wait: a stalled store costs dropped (and counted) events, nothing else. */
@Timeout(30)
class AccessRecorderTest {

    private static AccessEvent request(int n) {
        return AccessEvent.answered(Instant.now(), 1_000, "127.0.0.1", Optional.empty(), "GET", "/v1/events",
                Optional.of("n=" + n), 200, OptionalLong.empty(), Optional.empty());
    }

    @Test
    void aStalledStoreDropsWhatDoesNotFitTheQueueAndNeverBlocks() throws Exception {
        FakeAccessStore store = new FakeAccessStore(true);
        long dropped;
        try (AccessRecorder recorder = new AccessRecorder(store, 10)) {
            long started = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                recorder.record(request(i));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "1000 records took " + took);
            AccessLogCounts counts = recorder.counts();
            assertEquals(0, counts.written());
            assertTrue(counts.dropped() >= 989 && counts.dropped() <= 990, "ten queued, perhaps one in the writer's hands: " + counts);
            assertEquals(10, counts.queued());
            dropped = counts.dropped();
            store.stall.countDown();
        }
        assertEquals(1000 - dropped, store.written.size(), "once the store answers, what was queued is written");
    }

    @Test
    void everyEventIsWrittenWhenTheStoreKeepsUp() throws Exception {
        FakeAccessStore store = new FakeAccessStore(false);
        AccessRecorder recorder = new AccessRecorder(store, 100);
        for (int i = 0; i < 50; i++) {
            recorder.record(request(i));
        }
        recorder.close();
        assertEquals(new AccessLogCounts(50, 0, 0, 0), recorder.counts());
        assertEquals(50, store.written.size());
        assertEquals("n=0", new com.fasterxml.jackson.databind.ObjectMapper().readTree(store.written.get(0).json()).at("/url/query").asText());
    }

    @Test
    void afterCloseEventsAreDroppedNotQueued() {
        AccessRecorder recorder = new AccessRecorder(new FakeAccessStore(false), 10);
        recorder.close();
        recorder.record(request(1));
        assertEquals(new AccessLogCounts(0, 1, 0, 0), recorder.counts());
    }
}
