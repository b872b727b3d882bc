package io.logsearch.indexer.ecs;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EcsEventBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SourceRecord record() throws Exception {
        return withoutText((ObjectNode) JSON.readTree("{\"b\":2,\"a\":\"x\"}"));
    }

    @Test
    void dottedPathsNestAndBlanksAreLeftOut() throws Exception {
        NormalizedEvent event = EcsEventBuilder.from("src", "src.events", record())
                .timestamp(Instant.parse("2024-01-01T00:00:00Z")).id("e1").action("did")
                .set("user.id", "42").set("user.name", " ").set("user.email", (String) null)
                .add("related.user", "42").add("related.user", "42").add("related.user", "").add("related.user", "7")
                .build();
        ObjectNode doc = event.document();
        assertEquals("{\"id\":\"42\"}", doc.get("user").toString());
        assertEquals("[\"42\",\"7\"]", doc.at("/related/user").toString());
        assertEquals("2024-01-01T00:00:00Z", doc.get("@timestamp").asText());
        assertEquals("@timestamp", doc.fieldNames().next());
    }

    @Test
    void coreFieldsAreFilled() throws Exception {
        NormalizedEvent event = EcsEventBuilder.from("src", "src.events", record())
                .timestamp(Instant.parse("2024-01-01T00:00:00Z")).id("e1").action("did").build();
        ObjectNode e = (ObjectNode) event.document().get("event");
        assertEquals("event", e.get("kind").asText());
        assertEquals("unknown", e.get("outcome").asText());
        assertEquals("src", e.get("provider").asText());
        assertEquals("src.events", e.get("dataset").asText());
        assertEquals("e1", e.get("id").asText());
        assertEquals("{\"b\":2,\"a\":\"x\"}", e.get("original").asText());
        assertFalse(Instant.parse(e.get("ingested").asText()).isAfter(Instant.now()));
        assertEquals("e1", event.id());
    }

    @Test
    void aVendorIdIsTheEventIdAndNamespacesTheDocumentId() throws Exception {
        NormalizedEvent event = EcsEventBuilder.from("src", "src.events", record())
                .timestamp(Instant.parse("2024-01-01T00:00:00Z")).vendorId("e1", "org-1").action("did").build();
        assertEquals("e1", event.document().at("/event/id").asText());
        assertEquals(EventIds.namespacedId("src", "org-1", "e1"), event.id());
        assertEquals(false, event.id().equals(EventIds.namespacedId("src", "org-2", "e1")));
        // the parts are length-prefixed: moving a character from one part to the next is another id
        assertEquals(false, EventIds.namespacedId("src", "org-1", "e1").equals(EventIds.namespacedId("src", "org-1e", "1")));
    }

    @Test
    void aDocumentWithoutItsCoreIsRejected() {
        assertThrows(RejectedRecordException.class, () -> EcsEventBuilder.from("s", "d", record()).id("1").action("a").build());
        assertThrows(RejectedRecordException.class,
                () -> EcsEventBuilder.from("s", "d", record()).timestamp(Instant.EPOCH).action("a").build());
        assertThrows(RejectedRecordException.class,
                () -> EcsEventBuilder.from("s", "d", record()).timestamp(Instant.EPOCH).id("1").build());
    }

    @Test
    void memoComputesEachKeyOnceWithinItsCapacity() {
        int[] calls = {0};
        Memo<String, Integer> memo = new Memo<>(s -> {
            calls[0]++;
            return s.length();
        }, 2);
        assertEquals(3, memo.apply("abc"));
        assertEquals(3, memo.apply("abc"));
        assertEquals(1, calls[0]);
        memo.apply("de");
        memo.apply("f");
        memo.apply("f");
        assertEquals(4, calls[0], "beyond capacity results are computed each time");
    }
}
