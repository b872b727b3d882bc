package io.logsearch.indexer.sources.ecs;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.TemplateConformance;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.onehub.OnehubSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcsSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A search response of this product's own API with includeOriginal=true. */
    private static final String API_RESPONSE = """
            {
              "events": [
                {
                  "@timestamp": "2024-03-05T08:09:10.123Z",
                  "event": {
                    "id": "0b9f3c1e",
                    "kind": "event",
                    "action": "Login failed.",
                    "outcome": "failure",
                    "category": ["authentication"],
                    "type": ["start"],
                    "dataset": "thousandeyes.audit",
                    "provider": "thousandeyes",
                    "ingested": "2024-03-05T08:10:00Z",
                    "original": "{\\"date\\":\\"2024-03-05T08:09:10.123Z\\",\\"event\\":\\"Login failed.\\"}"
                  },
                  "message": "Login failed.",
                  "user": {"id": "1234", "full_name": "Jane Doe", "email": "jane@example.com"},
                  "client": {"ip": "203.0.113.7", "address": "203.0.113.7"},
                  "related": {"ip": ["203.0.113.7"], "user": ["1234", "jane@example.com"]},
                  "organization": {"id": "1337", "name": "Acme"},
                  "tags": ["imported"]
                }
              ],
              "startDate": "2024-03-05T00:00:00Z",
              "endDate": "2024-03-06T00:00:00Z"
            }
            """;

    private final EcsSource source = new EcsSource();

    @Test
    void layoutReadsTheEventsOfAnApiResponse() {
        ExportLayout layout = source.layout();
        assertEquals(List.of("events"), layout.recordsPath());
        assertEquals(Optional.empty(), layout.itemWrapper());
        assertEquals(Map.of(), layout.contextFields());
        assertEquals("ecs", source.id());
    }

    @Test
    void documentIsKeptAsItIsWithOnlyTheMissingCoreFieldsAdded() {
        ObjectNode record = firstRecord();
        NormalizedEvent normalized = normalize(record, SourceContext.EMPTY);
        ObjectNode doc = normalized.document();

        assertEquals("0b9f3c1e", normalized.id());
        assertEquals(Instant.parse("2024-03-05T08:09:10.123Z"), normalized.timestamp());
        assertEquals("{\"date\":\"2024-03-05T08:09:10.123Z\",\"event\":\"Login failed.\"}", doc.at("/event/original").asText());
        assertEquals(record, doc);
        TemplateConformance.assertEveryFieldIsMapped(doc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "SUCCESS", "failed"})
    void anOutcomeOutsideEcsValuesIsRejected(String outcome) {
        ObjectNode record = object("{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"action\": \"a\"}}");
        ((ObjectNode) record.get("event")).put("outcome", outcome);
        assertEquals("'event.outcome' must be success, failure or unknown, not " + outcome, rejectionOf(record));
    }

    @Test
    void aTimestampBeyondYear9999IsRejected() {
        ObjectNode record = object("{\"@timestamp\": 999999999999999, \"event\": {\"action\": \"a\"}}");
        assertTrue(rejectionOf(record).contains("outside the years 0000 to 9999"), rejectionOf(record));
    }

    @Test
    void bareDocumentGetsDefaults() {
        ObjectNode record = object("{\"@timestamp\": 1709626150123, \"event\": {\"action\": \"deploy\"}, \"user\": {\"name\": \"ci\"}}");
        NormalizedEvent normalized = normalize(record, SourceContext.EMPTY);
        JsonNode doc = normalized.document();

        assertEquals("2024-03-05T08:09:10.123Z", doc.get("@timestamp").asText());
        JsonNode event = doc.get("event");
        assertEquals("deploy", event.get("action").asText());
        assertEquals("event", event.get("kind").asText());
        assertEquals("unknown", event.get("outcome").asText());
        assertEquals("ecs", event.get("provider").asText());
        assertEquals("ecs.events", event.get("dataset").asText());
        assertTrue(normalized.id().matches("[0-9a-f]{64}"), normalized.id());
        assertEquals(normalized.id(), event.get("id").asText());
        Instant ingested = Instant.parse(event.get("ingested").asText());
        assertTrue(Duration.between(ingested, Instant.now()).abs().toMinutes() < 1, ingested::toString);
        assertEquals(CanonicalJson.compact(record), event.get("original").asText());
        assertEquals("ci", doc.at("/user/name").asText());
        assertFalse(event.has("category"));
    }

    @Test
    void contentIdIsDeterministicAndDependsOnContextAndContent() {
        ObjectNode record = object("{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"action\": \"a\"}}");
        String id = normalize(record, SourceContext.EMPTY).id();
        assertEquals(id, normalize(record.deepCopy(), SourceContext.EMPTY).id());
        assertNotEquals(id, normalize(record, new SourceContext(Map.of(SourceContext.USER_ID, "u"))).id());
        ((ObjectNode) record.get("event")).put("action", "b");
        assertNotEquals(id, normalize(record, SourceContext.EMPTY).id());
    }

    @Test
    void numericEventIdIsKeptAsText() {
        ObjectNode record = object("{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"action\": \"a\", \"id\": 42}}");
        NormalizedEvent normalized = normalize(record, SourceContext.EMPTY);
        assertEquals("42", normalized.id());
        assertEquals("42", normalized.document().at("/event/id").asText());
    }

    @Test
    void producersOriginalIngestedKindAndOutcomeAreKept() {
        ObjectNode record = object("""
                {"@timestamp": "2024-01-01T00:00:00+02:00",
                 "event": {"action": "a", "kind": "alert", "outcome": "success",
                           "original": "{\\"vendor\\":\\"record\\"}", "ingested": "2024-01-01T00:05:00Z"}}
                """);
        JsonNode doc = normalize(record, SourceContext.EMPTY).document();
        assertEquals("2023-12-31T22:00:00Z", doc.get("@timestamp").asText());
        assertEquals("{\"vendor\":\"record\"}", doc.at("/event/original").asText());
        assertEquals("2024-01-01T00:05:00Z", doc.at("/event/ingested").asText());
        assertEquals("alert", doc.at("/event/kind").asText());
        assertEquals("success", doc.at("/event/outcome").asText());
    }

    @Test
    void dottedKeysBecomeNestedFieldsMergedWithTheirSiblings() {
        ObjectNode record = object("""
                {"@timestamp": "2024-01-01T00:00:00Z", "event.action": "a", "event.dataset": "app.audit",
                 "event.provider": "app", "user": {"id": "1"}, "user.name": "bob", "client.ip": "10.0.0.1"}
                """);
        NormalizedEvent normalized = normalize(record, SourceContext.EMPTY);
        JsonNode doc = normalized.document();
        assertEquals("a", doc.at("/event/action").asText());
        assertEquals("app.audit", doc.at("/event/dataset").asText());
        assertEquals("app", doc.at("/event/provider").asText());
        assertEquals(object("{\"id\": \"1\", \"name\": \"bob\"}"), doc.get("user"));
        assertEquals("10.0.0.1", doc.at("/client/ip").asText());
        assertFalse(doc.has("event.action"));
        assertFalse(doc.has("user.name"));
        TemplateConformance.assertEveryFieldIsMapped(doc);
    }

    @Test
    void unknownFieldsAreKeptForElasticsearchToJudge() {
        ObjectNode record = object("""
                {"@timestamp": "2024-01-01T00:00:00Z", "event": {"action": "a", "severity": 3},
                 "custom": {"nested": [1, 2]}, "host": "web-1"}
                """);
        JsonNode doc = normalize(record, SourceContext.EMPTY).document();
        assertEquals(object("{\"nested\": [1, 2]}"), doc.get("custom"));
        assertEquals("web-1", doc.get("host").asText());
        assertEquals(3, doc.at("/event/severity").asInt());
    }

    @Test
    void missingTimestampIsRejected() {
        assertEquals("missing '@timestamp'", rejectionOf(object("{\"event\": {\"action\": \"a\"}}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"last tuesday\"", "\"2024-13-01T00:00:00Z\"", "true", "{\"t\": 1}", "\"\""})
    void unparseableTimestampIsRejected(String timestampJson) {
        ObjectNode record = object("{\"event\": {\"action\": \"a\"}}");
        record.set("@timestamp", parse(timestampJson));
        assertTrue(rejectionOf(record).startsWith("'@timestamp' is not"), rejectionOf(record));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"@timestamp\": \"2024-01-01T00:00:00Z\"}",
            "{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": \"login\"}",
            "{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"action\": \" \"}}",
            "{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"action\": [\"a\"]}}",
            "{\"@timestamp\": \"2024-01-01T00:00:00Z\", \"event\": {\"kind\": \"event\"}}",
    })
    void recordWithoutActionIsRejected(String json) {
        assertEquals("missing 'event.action'", rejectionOf(object(json)));
    }

    @Test
    void ourOwnOnehubDocumentReingestsUnchanged() {
        ObjectNode onehubRecord = object("""
                {"id": 5063247, "updated_at": "2016-01-18T11:16:53-08:00",
                 "detail": "<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">onehub-logo.png</a> File</object> <complement>(7 KB)</complement> in the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>",
                 "workspace_id": 4137, "user_id": 481}
                """);
        NormalizedEvent first = new OnehubSource().normalize(withoutText(onehubRecord), SourceContext.EMPTY);

        NormalizedEvent again = normalize(first.document(), SourceContext.EMPTY);
        assertEquals(first.id(), again.id());
        assertEquals(first.timestamp(), again.timestamp());
        assertEquals(first.document(), again.document());
        assertEquals(CanonicalJson.compact(onehubRecord), again.document().at("/event/original").asText());
    }

    @Test
    void fieldsAreReadByTheRecordFieldRule() {
        ObjectNode record = object("""
                {"@timestamp": "2025-05-01T10:00:00Z",
                 "event": {"id": " evt-7 ", "action": " login ", "outcome": " failure ", "provider": 7}}""");
        NormalizedEvent normalized = normalize(record, SourceContext.EMPTY);
        assertEquals("evt-7", normalized.id());
        JsonNode event = normalized.document().get("event");
        assertEquals("login", event.get("action").textValue());
        assertEquals("failure", event.get("outcome").textValue());
        assertEquals("7", event.get("provider").textValue());
        ObjectNode fraction = object("{\"@timestamp\": \"2025-05-01T10:00:00Z\", \"event\": {\"action\": 1.5}}");
        assertEquals("missing 'event.action'", rejectionOf(fraction));
    }

    private NormalizedEvent normalize(ObjectNode record, SourceContext context) {
        String before = record.toString();
        NormalizedEvent event = source.normalize(withoutText(record), context);
        assertEquals(before, record.toString(), "normalize must not change its record");
        return event;
    }

    private String rejectionOf(ObjectNode record) {
        return assertThrows(RejectedRecordException.class, () -> source.normalize(withoutText(record), SourceContext.EMPTY)).getMessage();
    }

    private ObjectNode firstRecord() {
        JsonNode node = parse(API_RESPONSE);
        for (String field : source.layout().recordsPath()) {
            node = node.get(field);
        }
        return (ObjectNode) node.get(0);
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) parse(json);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
