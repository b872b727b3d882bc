package io.logsearch.api.compat;

import static io.logsearch.api.compat.Records.assertNewestFirst;
import static io.logsearch.api.compat.Records.assertSameRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.TestApi;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /compat/thousandeyes/v7/audit-user-events} over a loaded ThousandEyes export. */
@ExtendWith(RealElasticsearch.class)
class ThousandEyesCompatIT {

    private static final String PATH = "/compat/thousandeyes/v7/audit-user-events";
    private static final List<String> STRAYS = new ArrayList<>();
    private static TestApi api;
    private static VendorExport export;

    @BeforeAll
    static void load(TestElasticsearch es) throws IOException {
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        export = VendorExport.generate("thousandeyes", 450, 30, 7, until);
        api = TestApi.start(es, cfg -> { });
        api.load("thousandeyes", SourceContext.EMPTY, export.text());
        api.load("actionhub", SourceContext.EMPTY, VendorExport.generate("actionhub", 40, 30, 7, until).text());
        writeStrayDocuments(until.minusSeconds(3_600));
    }

    /**
     * ThousandEyes documents another producer wrote straight into the index, with no vendor record
     * in {@code event.original} (none at all, or text that is not one): the facade must leave them out.
     */
    private static void writeStrayDocuments(Instant at) throws IOException {
        String partition = api.index.partitions().indexFor(at);
        for (String original : new String[] {null, "Login failed."}) {
            ObjectNode document = VendorExport.JSON.createObjectNode().put("@timestamp", at.toString()).put("message", "Login failed.");
            ObjectNode event = document.putObject("event").put("id", "stray-" + STRAYS.size()).put("kind", "event")
                    .put("action", "Login failed.").put("provider", "thousandeyes").put("dataset", "thousandeyes.audit");
            if (original != null) {
                event.put("original", original);
            }
            document.putObject("organization").put("id", export.nodes().get(0).path("aid").asText());
            api.client.index(i -> i.index(partition).id(event.path("id").asText()).document(document));
            STRAYS.add(event.path("id").asText());
        }
        api.refresh();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Instant date(JsonNode record) {
        return Instant.parse(record.path("date").asText());
    }

    private static List<JsonNode> expected(Predicate<JsonNode> filter) {
        return export.nodes().stream().filter(filter).toList();
    }

    /** Every page from {@code first} on, following {@code _links.next} as a ThousandEyes client does. */
    private static List<TestApi.Response> pages(String first) {
        List<TestApi.Response> pages = new ArrayList<>();
        TestApi.Response page = api.get(first);
        while (true) {
            assertEquals(200, page.status(), page.body());
            assertEquals("application/hal+json", page.header("Content-Type"));
            assertTrue(page.json().get("auditEvents").size() <= 100);
            pages.add(page);
            JsonNode next = page.json().at("/_links/next/href");
            if (next.isMissingNode()) {
                return pages;
            }
            assertFalse(page.json().get("auditEvents").isEmpty(), "a page with a next link has events");
            page = api.follow(next.asText());
        }
    }

    private static List<JsonNode> records(List<TestApi.Response> pages) {
        List<JsonNode> records = new ArrayList<>();
        pages.forEach(page -> page.json().get("auditEvents").forEach(records::add));
        return records;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void everyRecordComesBackAsLoadedNewestFirstFollowingNextLinks() {
        List<TestApi.Response> pages = pages(PATH);
        assertEquals(5, pages.size(), "450 events in pages of 100");
        List<JsonNode> records = records(pages);
        assertSameRecords(export.nodes(), records);
        assertNewestFirst(records, ThousandEyesCompatIT::date);
        JsonNode first = pages.get(0).json();
        assertEquals(api.base + PATH, first.at("/_links/self/href").asText());
        assertTrue(first.at("/_links/next/href").asText().startsWith(api.base + PATH + "?cursor="));
        assertFalse(first.has("startDate"), "no range was asked for");
    }

    @Test
    void aidNarrowsToOneAccountGroupUnlessUseAllPermittedAidsIsTrue() {
        Map<String, Long> perAid = export.nodes().stream().collect(Collectors.groupingBy(r -> r.path("aid").asText(), Collectors.counting()));
        assertTrue(perAid.size() > 1, "the export spans several account groups");
        String aid = perAid.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<JsonNode> inAid = expected(r -> r.path("aid").asText().equals(aid));
        assertSameRecords(inAid, records(pages(PATH + "?aid=" + aid)));
        assertSameRecords(inAid, records(pages(PATH + "?aid=" + aid + "&useAllPermittedAids=false")));
        // aid is only the account group context: useAllPermittedAids=true asks for every permitted one
        assertSameRecords(export.nodes(), records(pages(PATH + "?aid=" + aid + "&useAllPermittedAids=true")));
        assertSameRecords(export.nodes(), records(pages(PATH + "?useAllPermittedAids=true")));
        assertSameRecords(export.nodes(), records(pages(PATH + "?useAllPermittedAids=false")));
        assertEquals(List.of(), records(pages(PATH + "?aid=999999999")));
        for (String notBoolean : List.of("yes", "1", "TRUE ", "")) {
            assertInvalid(PATH + "?useAllPermittedAids=" + encode(notBoolean), "useAllPermittedAids");
        }
    }

    @Test
    void startDateAndEndDateAreInclusiveAndEchoed() {
        List<Instant> dates = export.nodes().stream().map(ThousandEyesCompatIT::date).sorted().toList();
        Instant start = dates.get(100);
        Instant end = dates.get(300);
        List<TestApi.Response> pages = pages(PATH + "?startDate=" + start + "&endDate=" + end);
        assertSameRecords(expected(r -> !date(r).isBefore(start) && !date(r).isAfter(end)), records(pages));
        for (TestApi.Response page : pages) {
            assertEquals(start.toString(), page.json().path("startDate").asText());
            assertEquals(end.toString(), page.json().path("endDate").asText());
        }
    }

    @Test
    void windowCountsBackFromNowAndStaysFrozenAcrossPages() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<TestApi.Response> pages = pages(PATH + "?window=20d");
        Instant after = Instant.now();
        List<JsonNode> records = records(pages);
        Duration window = Duration.ofDays(20);
        // records between the two possible starts of the window may fall either side
        Predicate<JsonNode> undecided = r -> !date(r).isBefore(before.minus(window)) && date(r).isBefore(after.minus(window));
        Function<List<JsonNode>, List<JsonNode>> decided = list -> list.stream().filter(undecided.negate()).toList();
        assertSameRecords(decided.apply(expected(r -> !date(r).isBefore(before.minus(window)))), decided.apply(records));
        assertTrue(pages.size() > 1);
        String startDate = pages.get(0).json().path("startDate").asText();
        Instant echoedStart = Instant.parse(startDate);
        assertFalse(echoedStart.isBefore(before.minus(window).truncatedTo(ChronoUnit.SECONDS)) || echoedStart.isAfter(after.minus(window)));
        pages.forEach(page -> assertEquals(startDate, page.json().path("startDate").asText(), "the window does not slide between pages"));
    }

    @Test
    void aWindowLongerThanTheYearsEventsCanHaveReachesBackToYearZero() {
        for (String window : List.of("999999999999w", "99999999999999999999", "5218000w", "99999999999999999999999999999999999d")) {
            List<TestApi.Response> pages = pages(PATH + "?window=" + window);
            assertSameRecords(export.nodes(), records(pages));
            for (TestApi.Response page : pages) {
                assertEquals("0000-01-01T00:00:00Z", page.json().path("startDate").asText(), window);
                assertTrue(Instant.parse(page.json().path("endDate").asText()).isAfter(Instant.now().minusSeconds(600)), window);
            }
        }
        JsonNode leadingZeros = api.get(PATH + "?window=" + "0".repeat(30) + "12h").json();
        Instant start = Instant.parse(leadingZeros.path("startDate").asText());
        Instant end = Instant.parse(leadingZeros.path("endDate").asText());
        assertEquals(Duration.ofHours(12), Duration.between(start, end), "leading zeros do not make a window longer");
    }

    @Test
    void farFutureAndAncientDatesAreServedAsFarAsEventsCanLie() {
        List<Instant> dates = export.nodes().stream().map(ThousandEyesCompatIT::date).sorted().toList();
        Instant start = dates.get(200);
        List<TestApi.Response> pages = pages(PATH + "?startDate=" + start + "&endDate=9999-01-01T00:00:00Z");
        assertSameRecords(expected(r -> !date(r).isBefore(start)), records(pages));
        pages.forEach(page -> assertEquals("9999-01-01T00:00:00Z", page.json().path("endDate").asText()));
        List<TestApi.Response> everything = pages(PATH + "?startDate=0000-01-01T00:00:00Z&endDate=9999-12-31T23:59:59Z");
        assertSameRecords(export.nodes(), records(everything));
        everything.forEach(page -> assertEquals("9999-12-31T23:59:59Z", page.json().path("endDate").asText()));
        assertInvalid(PATH + "?endDate=" + encode("+10000-01-01T00:00:00Z"), "endDate");
        assertInvalid(PATH + "?startDate=" + encode("-0001-01-01T00:00:00Z"), "startDate");
        assertInvalid(PATH + "?startDate=9999-12-31T23:59:59Z", "startDate");
    }

    @Test
    void onlyTheDatesARequestGaveAreEchoedOnEveryPage() {
        List<Instant> dates = export.nodes().stream().map(ThousandEyesCompatIT::date).sorted().toList();
        Instant start = dates.get(100);
        Instant end = dates.get(400);
        Map<String, Set<String>> echoed = Map.of(
                PATH, Set.of(),
                PATH + "?startDate=" + start, Set.of("startDate"),
                PATH + "?endDate=" + end, Set.of("endDate"),
                PATH + "?startDate=" + start + "&endDate=" + end, Set.of("startDate", "endDate"),
                PATH + "?window=30d", Set.of("startDate", "endDate"));
        echoed.forEach((query, fields) -> {
            List<TestApi.Response> pages = pages(query);
            assertTrue(pages.size() > 1, query + " spans several pages");
            for (TestApi.Response page : pages) {
                Set<String> dateFields = new TreeSet<>();
                page.json().fieldNames().forEachRemaining(name -> {
                    if (name.endsWith("Date")) {
                        dateFields.add(name);
                    }
                });
                assertEquals(fields, dateFields, query + ", page " + page.json().at("/_links/self/href").asText());
            }
        });
    }

    @Test
    void invalidParametersAreProblemsListingTheFields() {
        assertInvalid(PATH + "?window=1d&startDate=2024-01-01T00:00:00Z", "window");
        assertInvalid(PATH + "?window=12x", "window");
        assertInvalid(PATH + "?window=-12h", "window");
        assertInvalid(PATH + "?startDate=yesterday", "startDate");
        assertInvalid(PATH + "?startDate=2024-02-01T00:00:00Z&endDate=2024-01-01T00:00:00Z", "endDate");
    }

    @Test
    void documentsWithoutAVendorRecordAreLeftOutNotInvented() throws IOException {
        long stored = api.client.count(c -> c.index(api.index.partitions().allPartitions()).ignoreUnavailable(true)
                .query(q -> q.term(t -> t.field("event.provider").value("thousandeyes")))).count();
        assertEquals(export.nodes().size() + STRAYS.size(), stored, "the stray documents are in the index");
        List<JsonNode> records = records(pages(PATH));
        assertSameRecords(export.nodes(), records);
        assertTrue(records.stream().noneMatch(JsonNode::isEmpty), "no {} for a document without a record");
    }

    private static void assertInvalid(String pathAndQuery, String field) {
        TestApi.Response response = api.get(pathAndQuery);
        assertEquals(400, response.status(), pathAndQuery);
        assertEquals("application/problem+json", response.header("Content-Type"));
        JsonNode body = response.json();
        assertEquals("Request validation failed. There are invalid or missing fields", body.path("title").asText());
        assertEquals(400, body.path("status").asInt());
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.contains(field), () -> pathAndQuery + " names " + fields);
        body.path("errors").forEach(e -> assertFalse(e.path("message").asText().isBlank()));
    }

    @Test
    void aTamperedCursorOrOneFromAnotherQueryIsA400() {
        String next = api.get(PATH).json().at("/_links/next/href").asText();
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());
        assertEquals(200, api.get(PATH + "?cursor=" + cursor).status());
        String aid = export.nodes().get(0).path("aid").asText();
        assertEquals(400, api.get(PATH + "?aid=" + aid + "&cursor=" + cursor).status(), "the cursor belongs to a query without aid");
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        TestApi.Response response = api.get(PATH + "?cursor=" + encode(tampered));
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    @Test
    void onlyThousandEyesEventsAreServed() {
        List<JsonNode> records = records(pages(PATH));
        assertTrue(records.stream().allMatch(r -> r.has("aid") && r.has("event")), "no ActionHub history record among them");
        assertEquals(export.nodes().size(), records.size());
        assertEquals(export.nodes().stream().map(ThousandEyesCompatIT::date).max(Comparator.naturalOrder()).orElseThrow(), date(records.get(0)));
    }
}
