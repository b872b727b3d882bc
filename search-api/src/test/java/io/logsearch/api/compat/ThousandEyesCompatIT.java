package io.logsearch.api.compat;

import static io.logsearch.api.compat.Records.assertNewestFirst;
import static io.logsearch.api.compat.Records.assertSameRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private static TestApi api;
    private static VendorExport export;

    @BeforeAll
    static void load(TestElasticsearch es) {
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        export = VendorExport.generate("thousandeyes", 450, 30, 7, until);
        api = TestApi.start(es, cfg -> { });
        api.load("thousandeyes", SourceContext.EMPTY, export.text());
        api.load("actionhub", SourceContext.EMPTY, VendorExport.generate("actionhub", 40, 30, 7, until).text());
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
    void aidNarrowsToOneAccountGroupAndUseAllPermittedAidsToEvery() {
        Map<String, Long> perAid = export.nodes().stream().collect(Collectors.groupingBy(r -> r.path("aid").asText(), Collectors.counting()));
        assertTrue(perAid.size() > 1, "the export spans several account groups");
        String aid = perAid.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertSameRecords(expected(r -> r.path("aid").asText().equals(aid)), records(pages(PATH + "?aid=" + aid)));
        assertSameRecords(export.nodes(), records(pages(PATH + "?useAllPermittedAids=true")));
        assertEquals(List.of(), records(pages(PATH + "?aid=999999999")));
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
    void invalidParametersAreProblemsListingTheFields() {
        assertInvalid(PATH + "?window=1d&startDate=2024-01-01T00:00:00Z", "window");
        assertInvalid(PATH + "?window=12x", "window");
        assertInvalid(PATH + "?startDate=yesterday", "startDate");
        assertInvalid(PATH + "?startDate=2024-02-01T00:00:00Z&endDate=2024-01-01T00:00:00Z", "endDate");
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
