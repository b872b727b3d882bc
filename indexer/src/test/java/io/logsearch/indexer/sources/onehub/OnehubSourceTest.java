package io.logsearch.indexer.sources.onehub;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.TemplateConformance;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.ecs.EventIds;
import io.logsearch.indexer.sources.EcsExpectedEventTypes;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnehubSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OnehubSource source = new OnehubSource();

    /** The "List all Events for a User" response of Onehub's documentation, verbatim. */
    private static final String ACTIVITY_PAGE = """
            {
              "total_entries": 0,
              "current_page": 1,
              "total_pages": 0,
              "per_page": 30,
              "items": [
                {
                  "event": {
                    "id": 5063247,
                    "updated_at": "2016-01-18T11:16:53-08:00",
                    "detail": "<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">onehub-logo.png</a> File</object> <complement>(7 KB)</complement> in the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>",
                    "workspace_id": 4137,
                    "user_id": 481
                  }
                }
              ]
            }
            """;

    /** The "List all Events for a File" (audit trail) response of Onehub's documentation, verbatim. */
    private static final String AUDIT_TRAIL_PAGE = """
            {
              "total_entries": 1,
              "current_page": 1,
              "total_pages": 1,
              "per_page": 30,
              "items": [
                {
                  "event": {
                    "id": 5062927,
                    "updated_at": "2016-01-15T16:22:45-08:00",
                    "detail": "<subject>Matthew Anderson</subject> <predicate>uploaded</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">Onehub_Med_RGB.png</a> File</object> <complement>(7 KB)</complement> to the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>",
                    "workspace_id": 4137,
                    "user_id": 481
                  }
                }
              ]
            }
            """;

    @Test
    void layoutFindsTheEventInsideEachItem() {
        ExportLayout layout = source.layout();
        assertEquals(List.of("items"), layout.recordsPath());
        assertEquals(Optional.of("event"), layout.itemWrapper());
        assertEquals(Map.of(), layout.contextFields());
        assertEquals("onehub", source.id());
    }

    @Test
    void documentedActivityEventBecomesAFileAccessEvent() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        JsonNode doc = normalize(record).document();

        assertEquals("2016-01-18T19:16:53Z", doc.get("@timestamp").asText());
        JsonNode event = doc.get("event");
        assertEquals("5063247", event.get("id").asText());
        assertEquals("viewed", event.get("action").asText());
        assertEquals("success", event.get("outcome").asText());
        assertEquals("event", event.get("kind").asText());
        assertEquals("onehub", event.get("provider").asText());
        assertEquals("onehub.activity", event.get("dataset").asText());
        assertEquals(List.of("file"), texts(event.get("category")));
        assertEquals(List.of("access"), texts(event.get("type")));
        assertEquals(CanonicalJson.compact(record), event.get("original").asText());
        assertEquals("Matthew Anderson viewed the onehub-logo.png File (7 KB) in the Testing the API Workspace",
                doc.get("message").asText());
        assertEquals("481", doc.at("/user/id").asText());
        assertEquals("Matthew Anderson", doc.at("/user/full_name").asText());
        assertEquals(List.of("481", "Matthew Anderson"), texts(doc.at("/related/user")));
        assertEquals("4137", doc.at("/organization/id").asText());
        assertEquals("onehub-logo.png", doc.at("/file/name").asText());
        assertEquals("/workspaces/4137/files/849607", doc.at("/url/original").asText());
        JsonNode onehub = doc.get("onehub");
        assertEquals("4137", onehub.at("/workspace/id").asText());
        assertEquals("Testing the API", onehub.at("/workspace/name").asText());
        assertEquals("849607", onehub.at("/file/id").asText());
        assertEquals("viewed", onehub.get("predicate").asText());
        assertEquals("(7 KB)", onehub.get("complement").asText());
        assertEquals(record.get("detail").asText(), onehub.get("detail").asText());
    }

    @Test
    void documentedAuditTrailEventBecomesAFileCreationEvent() {
        JsonNode doc = normalize(firstRecord(AUDIT_TRAIL_PAGE)).document();

        assertEquals("2016-01-16T00:22:45Z", doc.get("@timestamp").asText());
        assertEquals("5062927", doc.at("/event/id").asText());
        assertEquals("uploaded", doc.at("/event/action").asText());
        assertEquals(List.of("creation"), texts(doc.at("/event/type")));
        assertEquals("Onehub_Med_RGB.png", doc.at("/file/name").asText());
        assertEquals("Matthew Anderson uploaded the Onehub_Med_RGB.png File (7 KB) to the Testing the API Workspace",
                doc.get("message").asText());
    }

    @Test
    void documentIdIsTheVendorIdNamespacedBySourceAndWorkspace() {
        NormalizedEvent event = normalize(firstRecord(ACTIVITY_PAGE));
        // SHA-256 of "6:onehub" "4:4137" "7:5063247": pinned, so that loads stay idempotent across versions
        assertEquals("07eb109eedbe633c7ece25db384b26ac541445088979df61984b00d4b2c97834", event.id());
        assertEquals(EventIds.namespacedId("onehub", "4137", "5063247"), event.id());
        assertEquals("5063247", event.document().at("/event/id").asText());
        assertEquals(Instant.parse("2016-01-18T19:16:53Z"), event.timestamp());
    }

    @Test
    void equalVendorIdsOfTwoWorkspacesAreTwoDocuments() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        ObjectNode otherTenant = record.deepCopy().put("workspace_id", 9999);
        NormalizedEvent first = normalize(record);
        NormalizedEvent second = normalize(otherTenant);
        assertEquals(first.document().at("/event/id"), second.document().at("/event/id"));
        assertNotEquals(first.id(), second.id());
    }

    @Test
    void documentIdDoesNotDependOnTheContext() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        assertEquals(normalize(record).id(),
                source.normalize(withoutText(record), new SourceContext(Map.of("userPoolId", "x"))).id());
    }

    @Test
    void idAndNumbersGivenAsStringsAreKeptVerbatim() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("id", "evt-000123").put("workspace_id", "4137").put("user_id", "u-481");
        JsonNode doc = normalize(record).document();
        assertEquals("evt-000123", doc.at("/event/id").asText());
        assertEquals("u-481", doc.at("/user/id").asText());
        assertEquals("4137", doc.at("/organization/id").asText());
        assertEquals("Testing the API", doc.at("/onehub/workspace/name").asText());
    }

    @Test
    void fieldsAreReadByTheRecordFieldRule() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("id", 123456).put("user_id", "  u-481 ").put("workspace_id", 4137);
        JsonNode doc = normalize(record).document();
        assertEquals("123456", doc.at("/event/id").asText());
        assertEquals("u-481", doc.at("/user/id").asText());
        assertEquals("4137", doc.at("/organization/id").asText());
        record.put("id", 1.5);
        assertEquals("'id' is not text", rejectionOf(record));
    }

    @Test
    void recordWithoutIdIsRejected() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.remove("id");
        assertEquals("missing 'id'", rejectionOf(record));
        record.put("id", "  ");
        assertEquals("missing 'id'", rejectionOf(record));
        record.putObject("id").put("value", 1);
        assertEquals("'id' is not text", rejectionOf(record));
    }

    @Test
    void recordWithoutDetailIsRejected() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.remove("detail");
        assertEquals("missing 'detail'", rejectionOf(record));
    }

    @Test
    void detailWithoutPredicateIsRejected() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson</subject> viewed the <object>thing</object>");
        assertEquals("detail has no <predicate>", rejectionOf(record));
        record.put("detail", "<subject>Matthew Anderson</subject> <predicate> </predicate>");
        assertEquals("detail has no <predicate>", rejectionOf(record));
        record.put("detail", "");
        assertEquals("missing 'detail'", rejectionOf(record));
    }

    @Test
    void timestampIsRequiredAndMustParse() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.remove("updated_at");
        assertEquals("missing 'updated_at'", rejectionOf(record));
        record.put("updated_at", "Mon, 18 Jan 2016 11:16:53 -0800");
        assertTrue(rejectionOf(record).startsWith("'updated_at' is not an ISO-8601 date-time"));
    }

    @Test
    void entitiesAreDecodedOnceAndMarkupInNamesStaysText() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>&lt;script&gt;alert(&#39;x&#x27;)&lt;/script&gt;</subject> "
                + "<predicate>downloaded</predicate> the <object><a href=\"/workspaces/4137/files/7\">Q&amp;amp;A &quot;draft&quot; &copy;.pdf</a> File</object>"
                + " <complement>(1&nbsp;MB)</complement> from the <object><a href=\"/workspaces/4137\">R&amp;D</a> Workspace</object>");
        JsonNode doc = normalize(record).document();

        assertEquals("<script>alert('x')</script>", doc.at("/user/full_name").asText());
        assertEquals("Q&amp;A \"draft\" \u00a9.pdf", doc.at("/file/name").asText());
        assertEquals("R&D", doc.at("/onehub/workspace/name").asText());
        assertEquals("(1\u00a0MB)", doc.at("/onehub/complement").asText());
        assertEquals("<script>alert('x')</script> downloaded the Q&amp;A \"draft\" \u00a9.pdf File (1\u00a0MB) from the R&D Workspace",
                doc.get("message").asText());
        assertEquals(List.of("access"), texts(doc.at("/event/type")));
    }

    @Test
    void scriptElementsInTheMarkupAreNeverMoreThanText() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject><script>alert(1)</script>Eve</subject> <predicate>viewed</predicate> "
                + "<!-- <predicate>deleted</predicate> --> the <object><a href=\"/workspaces/4137/files/5\" onclick=\"steal()\">x.txt</a></object>");
        JsonNode doc = normalize(record).document();

        assertEquals("alert(1)Eve", doc.at("/user/full_name").asText());
        assertEquals("alert(1)Eve viewed the x.txt", doc.get("message").asText());
        assertEquals("viewed", doc.at("/event/action").asText());
    }

    @Test
    void missingWorkspaceObjectLeavesOnlyTheWorkspaceId() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson</subject> <predicate>deleted</predicate> the "
                + "<object><a href=\"/workspaces/4137/files/849607\">old.doc</a> File</object>");
        JsonNode doc = normalize(record).document();

        assertEquals("4137", doc.at("/organization/id").asText());
        assertEquals("4137", doc.at("/onehub/workspace/id").asText());
        assertTrue(doc.at("/onehub/workspace/name").isMissingNode());
        assertTrue(doc.at("/onehub/complement").isMissingNode());
        assertEquals("old.doc", doc.at("/file/name").asText());
        assertEquals(List.of("deletion"), texts(doc.at("/event/type")));
        TemplateConformance.assertEveryFieldIsMapped(doc);
    }

    @Test
    void missingOptionalFieldsAreLeftOutAndTheWorkspaceComesFromItsLink() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.remove("workspace_id");
        record.remove("user_id");
        JsonNode doc = normalize(record).document();

        assertTrue(doc.at("/user/id").isMissingNode());
        assertEquals(List.of("Matthew Anderson"), texts(doc.at("/related/user")));
        assertEquals("4137", doc.at("/organization/id").asText());
        assertEquals("Testing the API", doc.at("/onehub/workspace/name").asText());
    }

    @Test
    void detailWithNothingButAPredicateStillMakesAnEvent() {
        ObjectNode record = JSON.createObjectNode()
                .put("id", 1)
                .put("updated_at", "2020-02-29T23:59:59Z")
                .put("detail", "<predicate>Logged In</predicate>");
        JsonNode doc = normalize(record).document();

        assertEquals("logged in", doc.at("/event/action").asText());
        assertEquals("Logged In", doc.at("/onehub/predicate").asText());
        assertEquals("Logged In", doc.get("message").asText());
        assertFalse(doc.has("user"));
        assertFalse(doc.has("file"));
        assertFalse(doc.has("url"));
        assertFalse(doc.has("organization"));
    }

    @ParameterizedTest
    @CsvSource({
            "viewed, file, access",
            "Downloaded, file, access",
            "uploaded, file, creation",
            "created, file, creation",
            "renamed, file, change",
            "updated, file, change",
            "deleted, file, deletion",
            "invited, iam, user creation",
            "invite, iam, user creation",
            "read, file, access",
            "previewed, file, access",
            "copied, file, creation",
            "edited, file, change",
            "trashed, file, deletion",
            "'  Shared \n with', file, info",
    })
    void verbsAreLowercasedAndClassified(String predicate, String category, String type) {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson</subject> <predicate>" + predicate + "</predicate> the "
                + "<object><a href=\"/workspaces/4137/files/849607\">onehub-logo.png</a> File</object>");
        JsonNode doc = normalize(record).document();

        assertEquals(predicate.trim().replaceAll("\\s+", " ").toLowerCase(), doc.at("/event/action").asText());
        assertEquals(List.of(category), texts(doc.at("/event/category")));
        assertEquals(List.of(type.split(" ")), texts(doc.at("/event/type")));
        EcsExpectedEventTypes.assertExpected(texts(doc.at("/event/category")), texts(doc.at("/event/type")), predicate);
    }

    @Test
    void invitationOfAnUnlinkedPersonPointsAtTheWorkspace() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson</subject> <predicate>invited</predicate> "
                + "<object>jane@example.com</object> to the <object><a href=\"/workspaces/4137\">Testing the API</a> Workspace</object>");
        JsonNode doc = normalize(record).document();

        assertEquals(List.of("iam"), texts(doc.at("/event/category")));
        assertEquals("/workspaces/4137", doc.at("/url/original").asText());
        assertTrue(doc.at("/file/name").isMissingNode());
        assertEquals("Testing the API", doc.at("/onehub/workspace/name").asText());
        assertEquals("Matthew Anderson invited jane@example.com to the Testing the API Workspace", doc.get("message").asText());
    }

    @Test
    void folderLinksGiveAUrlButNoFile() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson</subject> <predicate>created</predicate> the "
                + "<object><a href=\"/workspaces/4137/folders/12\">Invoices</a> Folder</object>");
        JsonNode doc = normalize(record).document();

        assertEquals("/workspaces/4137/folders/12", doc.at("/url/original").asText());
        assertFalse(doc.has("file"));
        assertTrue(doc.at("/onehub/file").isMissingNode());
    }

    @Test
    void unclosedAndStrayTagsKeepEveryWordOfText() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "</object><subject>Matthew Anderson</b></subject> <predicate>viewed</predicate> the "
                + "<object><b><a href=\"/workspaces/4137/files/9\">deep <i>name</i></a></b> File</object> 1 < 2 <3 "
                + "<complement>(7 KB)");
        JsonNode doc = normalize(record).document();

        assertEquals("Matthew Anderson", doc.at("/user/full_name").asText());
        assertEquals("deep name", doc.at("/file/name").asText());
        assertEquals("9", doc.at("/onehub/file/id").asText());
        assertEquals("(7 KB)", doc.at("/onehub/complement").asText());
        assertEquals("Matthew Anderson viewed the deep name File 1 < 2 <3 (7 KB)", doc.get("message").asText());
    }

    @Test
    void subjectLeftOpenRunsToTheEndOfTheDetail() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<subject>Matthew Anderson <predicate>viewed</predicate> the <object><a href=\"/workspaces/4137/files/1\">x.png");
        JsonNode doc = normalize(record).document();

        assertEquals("Matthew Anderson viewed the x.png", doc.at("/user/full_name").asText());
        assertEquals("viewed", doc.at("/event/action").asText());
        assertEquals("x.png", doc.at("/file/name").asText());
        assertEquals("1", doc.at("/onehub/file/id").asText());
    }

    @Test
    void absoluteLinksAndAttributeSpellingsAreUnderstood() {
        ObjectNode record = firstRecord(ACTIVITY_PAGE);
        record.put("detail", "<SUBJECT>Matthew Anderson</SUBJECT> <Predicate>viewed</Predicate> the "
                + "<object><A class=file HREF='https://ws.onehub.com/workspaces/4137/files/849607?version=2&amp;x=1#top'>a.png</A></object>"
                + " in <object><a title=\"Go > there\" href=/workspaces/4137/>Testing the API</a></object>");
        JsonNode doc = normalize(record).document();

        assertEquals("https://ws.onehub.com/workspaces/4137/files/849607?version=2&x=1#top", doc.at("/url/original").asText());
        assertEquals("849607", doc.at("/onehub/file/id").asText());
        assertEquals("a.png", doc.at("/file/name").asText());
        assertEquals("Matthew Anderson", doc.at("/user/full_name").asText());
    }

    @Test
    void veryLongAndHostileDetailsAreReadInLinearTime() {
        int n = 300_000;
        List<String> hostile = List.of(
                "<a".repeat(n),
                "<!--".repeat(n),
                "<b>x".repeat(n),
                "<b>" + "</i>".repeat(n),
                "&#".repeat(n) + "&amp".repeat(n),
                "<object><a href=\"" + "/".repeat(n) + "\">" + "long ".repeat(n) + "</a></object>",
                "</".repeat(n) + "<" + "x".repeat(n));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String junk : hostile) {
                ObjectNode record = firstRecord(ACTIVITY_PAGE);
                record.put("detail", "<subject>Eve</subject> <predicate>viewed</predicate> " + junk);
                JsonNode doc = normalize(record).document();
                assertEquals("viewed", doc.at("/event/action").asText());
                assertEquals("Eve", doc.at("/user/full_name").asText());
                assertEquals(record.get("detail").asText(), doc.at("/onehub/detail").asText());
            }
        });
    }

    @Test
    void everyDocumentIsCoveredByTheIndexTemplate() {
        TemplateConformance.assertEveryFieldIsMapped(normalize(firstRecord(ACTIVITY_PAGE)).document());
        TemplateConformance.assertEveryFieldIsMapped(normalize(firstRecord(AUDIT_TRAIL_PAGE)).document());
    }

    /** Applies the source's own layout to a response body, as the export reader does. */
    private ObjectNode firstRecord(String page) {
        ExportLayout layout = source.layout();
        JsonNode node = parse(page);
        for (String field : layout.recordsPath()) {
            node = node.get(field);
        }
        JsonNode item = node.get(0);
        return (ObjectNode) layout.itemWrapper().map(item::get).orElse(item);
    }

    private NormalizedEvent normalize(ObjectNode record) {
        String before = record.toString();
        NormalizedEvent event = source.normalize(withoutText(record), SourceContext.EMPTY);
        assertEquals(before, record.toString(), "normalize must not change its record");
        assertEquals(CanonicalJson.compact(record), event.document().at("/event/original").asText());
        TemplateConformance.assertEveryFieldIsMapped(event.document());
        return event;
    }

    private String rejectionOf(ObjectNode record) {
        return assertThrows(RejectedRecordException.class, () -> source.normalize(withoutText(record), SourceContext.EMPTY)).getMessage();
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), () -> "expected an array: " + array);
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
