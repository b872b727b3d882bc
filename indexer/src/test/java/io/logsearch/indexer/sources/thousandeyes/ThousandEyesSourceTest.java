package io.logsearch.indexer.sources.thousandeyes;

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
import org.junit.jupiter.params.provider.ValueSource;

class ThousandEyesSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ThousandEyesSource source = new ThousandEyesSource();

    /** The two example records of the vendor's OpenAPI operation schema, verbatim. */
    private static final String REPORT_CREATED = """
            {"accountGroupName":"API Sandbox","aid":"1234","date":"2020-07-17T21:54:54Z","event":"Report created.","ipAddress":"99.128.0.0/11","uid":"1234","user":"API Sandbox User (noreply@thousandeyes.com)","resources":[{"name":"My New report","type":"reportTitle"},{"name":"Other Report","type":"testName"}]}""";
    private static final String LOGIN_FAILED = """
            {"accountGroupName":"API Sandbox","aid":"1234","date":"2020-07-17T22:00:54Z","event":"Login failed.","ipAddress":"99.128.0.0/11","uid":"1234","user":"API Sandbox User (noreply@thousandeyes.com)"}""";

    @Test
    void identifiesItselfAndReadsRecordsFromAuditEvents() {
        assertEquals("thousandeyes", source.id());
        assertEquals(new ExportLayout(List.of("auditEvents"), Optional.empty(), Map.of()), source.layout());
    }

    @Test
    void fieldsAreReadByTheRecordFieldRule() throws Exception {
        JsonNode doc = normalize("""
                {"accountGroupName": true, "aid": 1234, "date": "2025-05-01T10:00:00Z",
                 "event": " Login successful. ", "ipAddress": " 203.0.113.7 ", "uid": "  u-9 "}""").document();
        assertEquals("Login successful.", doc.at("/event/action").asText());
        assertEquals("1234", doc.at("/organization/id").asText());
        assertTrue(doc.at("/organization/name").isMissingNode(), "a boolean is not a name");
        assertEquals("u-9", doc.at("/user/id").asText());
        assertEquals("203.0.113.7", doc.at("/client/address").asText());
        assertEquals("203.0.113.7", doc.at("/client/ip").asText());
    }

    @Test
    void anEventThatIsNotTextIsRejectedSayingSo() {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> normalize("{\"date\": \"2025-05-01T10:00:00Z\", \"event\": 1.5}"));
        assertEquals("'event' is not text", rejected.getMessage());
    }

    @Test
    void vendorExampleReportCreatedBecomesAConfigurationCreation() throws Exception {
        NormalizedEvent event = normalize(REPORT_CREATED);
        JsonNode doc = event.document();

        assertEquals(Instant.parse("2020-07-17T21:54:54Z"), event.timestamp());
        assertEquals("2020-07-17T21:54:54Z", doc.get("@timestamp").asText());
        assertEquals("event", doc.at("/event/kind").asText());
        assertEquals("thousandeyes", doc.at("/event/provider").asText());
        assertEquals("thousandeyes.audit", doc.at("/event/dataset").asText());
        assertEquals("Report created.", doc.at("/event/action").asText());
        assertEquals("success", doc.at("/event/outcome").asText());
        assertEquals(json("[\"configuration\"]"), doc.at("/event/category"));
        assertEquals(json("[\"creation\"]"), doc.at("/event/type"));
        assertEquals("1234", doc.at("/user/id").asText());
        assertEquals("noreply@thousandeyes.com", doc.at("/user/name").asText());
        assertEquals("API Sandbox User", doc.at("/user/full_name").asText());
        assertEquals("noreply@thousandeyes.com", doc.at("/user/email").asText());
        assertEquals(json("[\"1234\",\"noreply@thousandeyes.com\",\"API Sandbox User\"]"), doc.at("/related/user"));
        assertEquals(json("{\"id\":\"1234\",\"name\":\"API Sandbox\"}"), doc.get("organization"));
        assertEquals(json("""
                {"account_group":{"id":"1234","name":"API Sandbox"},
                 "resources":[{"type":"reportTitle","name":"My New report"},{"type":"testName","name":"Other Report"}]}"""),
                doc.get("thousandeyes"));
        assertEquals(json("{\"ip_range\":\"99.128.0.0/11\",\"address\":\"99.128.0.0/11\"}"), doc.get("client"));
        assertTrue(doc.path("source").isMissingNode(), "a network is not a source address");
        assertTrue(doc.at("/related/ip").isMissingNode(), "a network is not a related address");
        assertEquals("API Sandbox User (noreply@thousandeyes.com): Report created. (reportTitle: My New report, testName: Other Report)",
                doc.get("message").asText());
        assertEquals(REPORT_CREATED, doc.at("/event/original").asText());
    }

    @Test
    void vendorExampleLoginFailedIsAFailedAuthenticationStart() throws Exception {
        JsonNode doc = normalize(LOGIN_FAILED).document();

        assertEquals("Login failed.", doc.at("/event/action").asText());
        assertEquals("failure", doc.at("/event/outcome").asText());
        assertEquals(json("[\"authentication\"]"), doc.at("/event/category"));
        assertEquals(json("[\"start\"]"), doc.at("/event/type"));
        assertEquals("API Sandbox User (noreply@thousandeyes.com): Login failed.", doc.get("message").asText());
        assertTrue(doc.at("/thousandeyes/resources").isMissingNode());
        assertEquals(LOGIN_FAILED, doc.at("/event/original").asText());
    }

    @Test
    void eventIdIsTheContentHashOfSourceContextAndRecord() throws Exception {
        NormalizedEvent first = normalize(LOGIN_FAILED);
        NormalizedEvent again = normalize(LOGIN_FAILED);

        String expected = EventIds.contentId("thousandeyes", SourceContext.EMPTY, record(LOGIN_FAILED));
        assertEquals(expected, first.id());
        assertEquals(expected, first.document().at("/event/id").asText());
        assertEquals(first.id(), again.id());
        assertTrue(first.id().matches("[0-9a-f]{64}"), first.id());
    }

    @Test
    void eventIdDiffersForAnotherRecordOrAnotherContext() throws Exception {
        String base = normalize(LOGIN_FAILED).id();
        String otherDate = normalize(LOGIN_FAILED.replace("22:00:54Z", "22:00:55Z")).id();
        String otherContext = normalize(LOGIN_FAILED, new SourceContext(Map.of(SourceContext.USER_POOL_ID, "elsewhere"))).id();

        assertNotEquals(base, otherDate);
        assertNotEquals(base, otherContext);
    }

    @Test
    void singleIpv4AddressIsClientSourceAndRelatedIp() throws Exception {
        JsonNode doc = normalize(withIpAddress("203.0.113.7")).document();

        assertEquals(json("{\"ip\":\"203.0.113.7\",\"address\":\"203.0.113.7\"}"), doc.get("client"));
        assertEquals(json("{\"ip\":\"203.0.113.7\"}"), doc.get("source"));
        assertEquals(json("[\"203.0.113.7\"]"), doc.at("/related/ip"));
    }

    @Test
    void singleIpv6AddressIsCanonicalisedAndTheOriginalKeptAsAddress() throws Exception {
        JsonNode doc = normalize(withIpAddress("2001:DB8::1")).document();

        assertEquals("2001:db8::1", doc.at("/client/ip").asText());
        assertEquals("2001:db8::1", doc.at("/source/ip").asText());
        assertEquals(json("[\"2001:db8::1\"]"), doc.at("/related/ip"));
        assertEquals("2001:DB8::1", doc.at("/client/address").asText());
        assertTrue(doc.at("/client/ip_range").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource({
        "99.128.0.0/11, 99.128.0.0/11",
        "10.1.2.3/32, 10.1.2.3/32",
        "2001:db8::/32, 2001:db8::/32",
    })
    void networkIsAClientIpRangeWithoutAnyAddress(String ipAddress, String range) throws Exception {
        JsonNode doc = normalize(withIpAddress(ipAddress)).document();

        assertEquals(range, doc.at("/client/ip_range").asText());
        assertEquals(ipAddress, doc.at("/client/address").asText());
        assertTrue(doc.at("/client/ip").isMissingNode());
        assertTrue(doc.path("source").isMissingNode());
        assertTrue(doc.at("/related/ip").isMissingNode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "999.1.1.1", "10.0.0.0/33", "2001:db8::/129", "1.2.3", "::g"})
    void unparseableAddressIsKeptOnlyAsClientAddress(String ipAddress) throws Exception {
        JsonNode doc = normalize(withIpAddress(ipAddress)).document();

        assertEquals(json("{\"address\":" + JSON.writeValueAsString(ipAddress) + "}"), doc.get("client"));
        assertTrue(doc.path("source").isMissingNode());
        assertTrue(doc.at("/related/ip").isMissingNode());
    }

    @Test
    void recordWithOnlyTheRequiredFieldsHasNoOptionalFields() throws Exception {
        JsonNode doc = normalize("{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Logout.\"}").document();

        assertEquals("Logout.", doc.get("message").asText());
        assertEquals(json("[\"end\"]"), doc.at("/event/type"));
        for (String absent : List.of("user", "client", "source", "related", "organization", "thousandeyes")) {
            assertTrue(doc.path(absent).isMissingNode(), absent + " should be absent: " + doc);
        }
    }

    @Test
    void userWithoutEmailIsOnlyAFullName() throws Exception {
        JsonNode doc = normalize(LOGIN_FAILED.replace("API Sandbox User (noreply@thousandeyes.com)", "API Sandbox User"))
                .document();

        // a display name is not a login name: user.name stays absent
        assertEquals(json("{\"id\":\"1234\",\"full_name\":\"API Sandbox User\"}"),
                doc.get("user"));
        assertEquals(json("[\"1234\",\"API Sandbox User\"]"), doc.at("/related/user"));
        assertEquals("API Sandbox User: Login failed.", doc.get("message").asText());
    }

    @Test
    void userWithParenthesesInTheNameKeepsThemInTheFullName() throws Exception {
        JsonNode doc = normalize(LOGIN_FAILED.replace("API Sandbox User (noreply@thousandeyes.com)", "Jane (Ops) Doe (jane@x.com)"))
                .document();

        assertEquals("Jane (Ops) Doe", doc.at("/user/full_name").asText());
        assertEquals("jane@x.com", doc.at("/user/email").asText());
        assertEquals("jane@x.com", doc.at("/user/name").asText());
        assertEquals("Jane (Ops) Doe (jane@x.com): Login failed.", doc.get("message").asText());
    }

    @Test
    void withoutUserTextTheMessageNamesTheUid() throws Exception {
        JsonNode doc = normalize("{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\",\"uid\":245}").document();

        assertEquals("245", doc.at("/user/id").asText());
        assertEquals("user 245: Login failed.", doc.get("message").asText());
        assertEquals(json("[\"245\"]"), doc.at("/related/user"));
    }

    @Test
    void unknownEventTextIsKeptVerbatimAsAGenericSuccess() throws Exception {
        JsonNode doc = normalize(LOGIN_FAILED.replace("Login failed.", "Quantum flux recalibrated.")).document();

        assertEquals("Quantum flux recalibrated.", doc.at("/event/action").asText());
        assertEquals("success", doc.at("/event/outcome").asText());
        assertEquals(json("[\"configuration\"]"), doc.at("/event/category"));
        assertEquals(json("[\"info\"]"), doc.at("/event/type"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"2020-07-17T21:54:54Z\"      | 2020-07-17T21:54:54Z",
        "\"2020-07-18T00:54:54+03:00\" | 2020-07-17T21:54:54Z",
        "\"2020-07-17T21:54:54.250Z\"  | 2020-07-17T21:54:54.250Z",
        "\"2020-07-17T21:54:54\"       | 2020-07-17T21:54:54Z",
        "1595022894000                 | 2020-07-17T21:54:54Z",
        "\"1595022894000\"             | 2020-07-17T21:54:54Z",
    })
    void dateIsReadAsIsoWithOrWithoutOffsetOrAsEpochMillis(String date, String expected) throws Exception {
        NormalizedEvent event = normalize("{\"date\":" + date + ",\"event\":\"Login failed.\"}");

        assertEquals(Instant.parse(expected), event.timestamp());
        assertEquals(expected, event.document().get("@timestamp").asText());
    }

    @Test
    void emptyOrMalformedResourcesAreLeftOut() throws Exception {
        JsonNode empty = normalize(LOGIN_FAILED.replace("}", ",\"resources\":[]}")).document();
        JsonNode notAnArray = normalize(LOGIN_FAILED.replace("}", ",\"resources\":{\"name\":\"x\"}}")).document();

        assertTrue(empty.at("/thousandeyes/resources").isMissingNode());
        assertTrue(notAnArray.at("/thousandeyes/resources").isMissingNode());
        assertEquals("API Sandbox User (noreply@thousandeyes.com): Login failed.", empty.get("message").asText());
    }

    @Test
    void partialResourcesKeepWhatTheyHave() throws Exception {
        JsonNode doc = normalize(REPORT_CREATED.replace(
                "[{\"name\":\"My New report\",\"type\":\"reportTitle\"},{\"name\":\"Other Report\",\"type\":\"testName\"}]",
                "[{\"name\":\"Only a name\"},{\"type\":\"alertRuleName\",\"name\":null},\"not an object\",{}]"))
                .document();

        assertEquals(json("[{\"name\":\"Only a name\"},{\"type\":\"alertRuleName\"}]"), doc.at("/thousandeyes/resources"));
        assertEquals("API Sandbox User (noreply@thousandeyes.com): Report created. (Only a name, alertRuleName)",
                doc.get("message").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"event\":\"Login failed.\"}                                | missing 'date'",
        "{\"date\":null,\"event\":\"Login failed.\"}                  | missing 'date'",
        "{\"date\":\"yesterday\",\"event\":\"Login failed.\"}         | 'date' is not an ISO-8601 date-time or epoch milliseconds: yesterday",
        "{\"date\":{\"at\":1},\"event\":\"Login failed.\"}            | 'date' is not a timestamp: {\"at\":1}",
        "{\"date\":\"2020-07-17T22:00:54Z\"}                          | missing 'event'",
        "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":null}           | missing 'event'",
        "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"  \"}         | missing 'event'",
        "{\"date\":\"2020-07-17T22:00:54Z\",\"event\":[\"Login\"]}    | 'event' is not text",
    })
    void recordWithoutUsableDateOrEventIsRejectedNamingTheField(String record, String reason) {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class, () -> normalize(record));

        assertEquals(reason, rejected.getMessage());
    }

    @Test
    void outcomeFollowsTheRuleTableForWholeRecords() throws Exception {
        assertEquals("failure", normalize(LOGIN_FAILED.replace("Login failed.", "Access denied")).document()
                .at("/event/outcome").asText());
        assertEquals("success", normalize(LOGIN_FAILED.replace("Login failed.", "Login successful.")).document()
                .at("/event/outcome").asText());
    }

    @Test
    void inputRecordIsNotModified() throws Exception {
        ObjectNode record = record(REPORT_CREATED);
        source.normalize(withoutText(record), SourceContext.EMPTY);

        assertEquals(record(REPORT_CREATED), record);
        assertFalse(record.has("@timestamp"));
    }

    private static String withIpAddress(String ipAddress) throws Exception {
        ObjectNode record = record(LOGIN_FAILED);
        record.put("ipAddress", ipAddress);
        return JSON.writeValueAsString(record);
    }

    /** Normalises without context and checks the document against the index template. */
    private NormalizedEvent normalize(String recordJson) throws Exception {
        return normalize(recordJson, SourceContext.EMPTY);
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
