package io.logsearch.indexer.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logsearch.indexer.sources.SourceContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void keyOrderDoesNotChangeTheId() throws Exception {
        String a = EventIds.contentId("s", SourceContext.EMPTY, json("{\"a\":1,\"b\":{\"x\":[1,{\"q\":2,\"p\":3}],\"y\":\"z\"}}"));
        String b = EventIds.contentId("s", SourceContext.EMPTY, json("{\"b\":{\"y\":\"z\",\"x\":[1,{\"p\":3,\"q\":2}]},\"a\":1}"));
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{64}"), a);
    }

    @Test
    void sourceContextAndContentAllCount() throws Exception {
        JsonNode record = json("{\"a\":1}");
        String base = EventIds.contentId("s", SourceContext.EMPTY, record);
        assertNotEquals(base, EventIds.contentId("t", SourceContext.EMPTY, record));
        assertNotEquals(base, EventIds.contentId("s", new SourceContext(Map.of("userId", "1")), record));
        assertNotEquals(base, EventIds.contentId("s", SourceContext.EMPTY, json("{\"a\":2}")));
        assertNotEquals(base, EventIds.contentId("s", SourceContext.EMPTY, json("{\"a\":\"1\"}")));
        assertNotEquals(EventIds.contentId("s", new SourceContext(Map.of("k", "ab")), record),
                EventIds.contentId("s", new SourceContext(Map.of("ka", "b")), record), "parts are length-prefixed");
    }

    @Test
    void contextOrderDoesNotChangeTheId() throws Exception {
        JsonNode record = json("{\"a\":1}");
        assertEquals(EventIds.contentId("s", new SourceContext(Map.of("userId", "1", "programId", "2")), record),
                EventIds.contentId("s", new SourceContext(new java.util.TreeMap<>(Map.of("programId", "2", "userId", "1"))), record));
    }
}
