package io.logsearch.api.compat.actionhub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode event(String id, String timestamp) {
        return JSON.createObjectNode().put("id", id).put("@timestamp", timestamp);
    }

    @Test
    void eventsWithinOneMillisecondAreOrderedByTheirOwnMicrosecondsAndTheRestKeepTheirOrder() throws Exception {
        List<String> written = new ArrayList<>();
        NewestFirst order = new NewestFirst(event -> written.add(event.path("id").asText()));
        // as Elasticsearch returns them: newest first by millisecond, ties by id
        for (ObjectNode event : List.of(
                event("a", "2025-01-01T00:00:02.500Z"),
                event("b", "2025-01-01T00:00:01.123100Z"),
                event("c", "2025-01-01T00:00:01.123900Z"),
                event("d", "2025-01-01T00:00:01.123500Z"),
                event("e", "2025-01-01T00:00:01.122999Z"),
                event("f", "2025-01-01T00:00:00Z"),
                event("g", "2025-01-01T00:00:00Z"))) {
            order.accept(event);
        }
        assertEquals(List.of("a", "c", "d", "b", "e"), written, "only the last millisecond's events are still held");
        order.flush();
        assertEquals(List.of("a", "c", "d", "b", "e", "f", "g"), written);
    }

    @Test
    void nothingIsWrittenForNoEvents() throws Exception {
        List<String> written = new ArrayList<>();
        new NewestFirst(event -> written.add("x")).flush();
        assertEquals(List.of(), written);
    }
}
