package io.logsearch.indexer.sources.actionhub;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.TemplateConformance;
import io.logsearch.indexer.ecs.EventIds;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionHubSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceContext USER_42_IN_PROGRAM_7 = new SourceContext(Map.of(
            SourceContext.USER_ID, "42",
            SourceContext.PROGRAM_ID, "program-7"));

    /** The record of the vendor's response example, verbatim: every value is a type placeholder. */
    private static final String VENDOR_EXAMPLE = """
            {"timestamp":"string","event_type":"string","asset_id":"string","asset_name":"string","event_labels":"array","asset_labels":"array"}""";
    /** A real record of the same shape. */
    private static final String VIEWED = """
            {"timestamp":"2024-03-05T14:07:12.345Z","event_type":"viewed","asset_id":"asset-17","asset_name":"Welcome video","event_labels":["onboarding","mobile"],"asset_labels":["video","featured"]}""";

    private final ActionHubSource source = new ActionHubSource();

    @Test
    void identifiesItselfAndReadsHistoryWithUserAndProgramFromTheWrapper() {
        assertEquals("actionhub", source.id());
        assertEquals(new ExportLayout(List.of("history"), Optional.empty(),
                        Map.of("user_id", SourceContext.USER_ID, "program_id", SourceContext.PROGRAM_ID)),
                source.layout());
    }

    @Test
    void fieldsAreReadByTheRecordFieldRule() throws Exception {
        JsonNode doc = normalize("""
                {"timestamp": "2025-05-01T10:00:00Z", "event_type": " viewed ", "asset_id": 77, "asset_name": false}""",
                USER_42_IN_PROGRAM_7).document();
        assertEquals("viewed", doc.at("/event/action").asText());
        assertEquals("77", doc.at("/actionhub/asset/id").asText());
        assertTrue(doc.at("/actionhub/asset/name").isMissingNode(), "a boolean is not a name");
        assertEquals("user 42 viewed 77", doc.at("/message").asText());
    }

    @Test
    void vendorExampleWithItsPlaceholderTimestampIsRejectedNamingTheField() {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> normalize(VENDOR_EXAMPLE, USER_42_IN_PROGRAM_7));

        assertEquals("'timestamp' is not an ISO-8601 date-time or epoch milliseconds: string", rejected.getMessage());
    }

    @Test
    void vendorExampleShapeWithARealTimestampTakesSingleLabelValuesAsOneLabel() throws Exception {
        String record = VENDOR_EXAMPLE.replace("\"timestamp\":\"string\"", "\"timestamp\":\"2024-03-05T14:07:12Z\"");
        JsonNode doc = normalize(record, USER_42_IN_PROGRAM_7).document();

        assertEquals("string", doc.at("/event/action").asText());
        assertEquals(json("{\"program_id\":\"program-7\",\"asset\":{\"id\":\"string\",\"name\":\"string\",\"labels\":[\"array\"]}}"),
                doc.get("actionhub"));
        assertEquals(json("[\"array\"]"), doc.get("tags"));
        assertEquals(record, doc.at("/event/original").asText());
    }

    @Test
    void recordBecomesASuccessfulEventOfTheContextUserAndProgram() throws Exception {
        NormalizedEvent event = normalize(VIEWED, USER_42_IN_PROGRAM_7);
        JsonNode doc = event.document();

        assertEquals(Instant.parse("2024-03-05T14:07:12.345Z"), event.timestamp());
        assertEquals("2024-03-05T14:07:12.345Z", doc.get("@timestamp").asText());
        assertEquals("event", doc.at("/event/kind").asText());
        assertEquals("actionhub", doc.at("/event/provider").asText());
        assertEquals("actionhub.events", doc.at("/event/dataset").asText());
        assertEquals("viewed", doc.at("/event/action").asText());
        assertEquals("success", doc.at("/event/outcome").asText());
        assertEquals(json("[\"file\"]"), doc.at("/event/category"));
        assertEquals(json("[\"access\"]"), doc.at("/event/type"));
        assertEquals(json("{\"id\":\"42\"}"), doc.get("user"));
        assertEquals(json("{\"user\":[\"42\"]}"), doc.get("related"));
        assertEquals(json("{\"id\":\"program-7\"}"), doc.get("organization"));
        assertEquals(json("""
                {"program_id":"program-7",
                 "asset":{"id":"asset-17","name":"Welcome video","labels":["video","featured"]}}"""),
                doc.get("actionhub"));
        assertEquals(json("[\"onboarding\",\"mobile\"]"), doc.get("tags"));
        assertEquals("user 42 viewed Welcome video", doc.get("message").asText());
        assertEquals(VIEWED, doc.at("/event/original").asText());
    }

    @Test
    void eventIdIsTheContentHashOfSourceContextAndRecord() throws Exception {
        NormalizedEvent first = normalize(VIEWED, USER_42_IN_PROGRAM_7);
        NormalizedEvent again = normalize(VIEWED, USER_42_IN_PROGRAM_7);

        String expected = EventIds.contentId("actionhub", USER_42_IN_PROGRAM_7, record(VIEWED));
        assertEquals(expected, first.id());
        assertEquals(expected, first.document().at("/event/id").asText());
        assertEquals(first.id(), again.id());
    }

    @Test
    void sameRecordUnderAnotherUserOrProgramIsAnotherEvent() throws Exception {
        String base = normalize(VIEWED, USER_42_IN_PROGRAM_7).id();
        String otherUser = normalize(VIEWED, USER_42_IN_PROGRAM_7.with(Map.of(SourceContext.USER_ID, "43"))).id();
        String otherProgram = normalize(VIEWED, USER_42_IN_PROGRAM_7.with(Map.of(SourceContext.PROGRAM_ID, "program-8"))).id();
        String otherRecord = normalize(VIEWED.replace("viewed", "liked"), USER_42_IN_PROGRAM_7).id();

        assertEquals(4, List.of(base, otherUser, otherProgram, otherRecord).stream().distinct().count());
    }

    @Test
    void recordWithoutAssetFieldsIsStillAnEvent() throws Exception {
        JsonNode doc = normalize("{\"timestamp\":\"2024-03-05T14:07:12Z\",\"event_type\":\"logged_in\"}", USER_42_IN_PROGRAM_7)
                .document();

        assertEquals("user 42 logged_in", doc.get("message").asText());
        assertEquals(json("{\"program_id\":\"program-7\"}"), doc.get("actionhub"));
        assertTrue(doc.path("tags").isMissingNode());
    }

    @Test
    void withoutAssetNameTheMessageNamesTheAssetId() throws Exception {
        JsonNode doc = normalize("{\"timestamp\":\"2024-03-05T14:07:12Z\",\"event_type\":\"shared\",\"asset_id\":17,\"asset_name\":null}",
                USER_42_IN_PROGRAM_7).document();

        assertEquals("user 42 shared 17", doc.get("message").asText());
        assertEquals(json("{\"id\":\"17\"}"), doc.at("/actionhub/asset"));
    }

    @Test
    void labelsOfAnyJsonBecomeTextScalarsAsWrittenStructuresAsCompactJson() throws Exception {
        JsonNode doc = normalize("""
                {"timestamp":"2024-03-05T14:07:12Z","event_type":"viewed","asset_id":"a","asset_name":"b",
                 "event_labels":[3, 2.5, true, "spring", {"campaign": "spring", "wave": 2}, [1, "x"], null, "", "spring"],
                 "asset_labels":[{"k":{"nested":[null]}}, 0]}""", USER_42_IN_PROGRAM_7).document();

        assertEquals(json("[\"3\",\"2.5\",\"true\",\"spring\",\"{\\\"campaign\\\":\\\"spring\\\",\\\"wave\\\":2}\",\"[1,\\\"x\\\"]\"]"),
                doc.get("tags"));
        assertEquals(json("[\"{\\\"k\\\":{\\\"nested\\\":[null]}}\",\"0\"]"), doc.at("/actionhub/asset/labels"));
    }

    @Test
    void emptyOrNullLabelsGiveNoTags() throws Exception {
        JsonNode empty = normalize(VIEWED.replace("[\"onboarding\",\"mobile\"]", "[]"), USER_42_IN_PROGRAM_7).document();
        JsonNode nulls = normalize(VIEWED.replace("[\"onboarding\",\"mobile\"]", "null")
                .replace("[\"video\",\"featured\"]", "[null]"), USER_42_IN_PROGRAM_7).document();

        assertTrue(empty.path("tags").isMissingNode());
        assertTrue(nulls.path("tags").isMissingNode());
        assertTrue(nulls.at("/actionhub/asset/labels").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"2024-03-05T14:07:12Z\"         | 2024-03-05T14:07:12Z",
        "\"2024-03-05T15:07:12+01:00\"    | 2024-03-05T14:07:12Z",
        "\"2024-03-05T09:07:12.5-05:00\"  | 2024-03-05T14:07:12.500Z",
        "\"2024-03-05T14:07:12\"          | 2024-03-05T14:07:12Z",
        "1709647632000                    | 2024-03-05T14:07:12Z",
        "\"1709647632000\"                | 2024-03-05T14:07:12Z",
    })
    void timestampIsReadAsIsoWithOrWithoutOffsetOrAsEpochMillis(String timestamp, String expected) throws Exception {
        NormalizedEvent event = normalize("{\"timestamp\":" + timestamp + ",\"event_type\":\"viewed\"}", USER_42_IN_PROGRAM_7);

        assertEquals(Instant.parse(expected), event.timestamp());
        assertEquals(expected, event.document().get("@timestamp").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"event_type\":\"viewed\"}                                        | missing 'timestamp'",
        "{\"timestamp\":null,\"event_type\":\"viewed\"}                     | missing 'timestamp'",
        "{\"timestamp\":\"last tuesday\",\"event_type\":\"viewed\"}         | 'timestamp' is not an ISO-8601 date-time or epoch milliseconds: last tuesday",
        "{\"timestamp\":true,\"event_type\":\"viewed\"}                     | 'timestamp' is not a timestamp: true",
        "{\"timestamp\":\"2024-03-05T14:07:12Z\"}                           | missing 'event_type'",
        "{\"timestamp\":\"2024-03-05T14:07:12Z\",\"event_type\":null}       | missing 'event_type'",
        "{\"timestamp\":\"2024-03-05T14:07:12Z\",\"event_type\":\"\"}       | missing 'event_type'",
        "{\"timestamp\":\"2024-03-05T14:07:12Z\",\"event_type\":{\"a\":1}}  | 'event_type' is not text",
    })
    void recordWithoutUsableTimestampOrEventTypeIsRejectedNamingTheField(String record, String reason) {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> normalize(record, USER_42_IN_PROGRAM_7));

        assertEquals(reason, rejected.getMessage());
    }

    @Test
    void missingUserIdContextIsRejectedNamingIt() {
        SourceContext programOnly = new SourceContext(Map.of(SourceContext.PROGRAM_ID, "program-7"));

        RejectedRecordException rejected = assertThrows(RejectedRecordException.class, () -> normalize(VIEWED, programOnly));

        assertTrue(rejected.getMessage().startsWith("missing context 'userId'"), rejected.getMessage());
    }

    @Test
    void missingOrBlankProgramIdContextIsRejectedNamingIt() {
        SourceContext userOnly = new SourceContext(Map.of(SourceContext.USER_ID, "42"));
        SourceContext blankProgram = new SourceContext(Map.of(SourceContext.USER_ID, "42", SourceContext.PROGRAM_ID, " "));

        for (SourceContext context : List.of(userOnly, blankProgram)) {
            RejectedRecordException rejected = assertThrows(RejectedRecordException.class, () -> normalize(VIEWED, context));
            assertTrue(rejected.getMessage().startsWith("missing context 'programId'"), rejected.getMessage());
        }
    }

    @Test
    void missingContextIsReportedBeforeProblemsOfTheRecord() {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> normalize("{}", SourceContext.EMPTY));

        assertTrue(rejected.getMessage().startsWith("missing context 'userId'"), rejected.getMessage());
    }

    /** Normalises and checks the document against the index template. */
    private NormalizedEvent normalize(String recordJson, SourceContext context) throws Exception {
        NormalizedEvent event = source.normalize(withoutText(record(recordJson)), context);
        TemplateConformance.assertEveryFieldIsMapped(event.document());
        return event;
    }

    private static ObjectNode record(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static JsonNode json(String json) throws Exception {
        return JSON.readTree(json);
    }
}
