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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /compat/onehub/activity/} and {@code GET /compat/onehub/files/{id}/audit_trail} over a loaded Onehub export. */
@ExtendWith(RealElasticsearch.class)
class OnehubCompatIT {

    private static final String ACTIVITY = "/compat/onehub/activity/";
    private static final Pattern PREDICATE = Pattern.compile("<predicate>(\\w+)</predicate>");
    private static final Pattern FIRST_LINK = Pattern.compile("<a href=\"([^\"]*)\"");
    private static final Pattern FILE = Pattern.compile("/files/(\\d+)$");
    private static TestApi api;
    private static VendorExport export;

    @BeforeAll
    static void load(TestElasticsearch es) {
        export = VendorExport.generate("onehub", 400, 45, 5, Instant.parse("2025-03-01T00:00:00Z"));
        api = TestApi.start(es, cfg -> { });
        api.load("onehub", SourceContext.EMPTY, export.text());
        api.load("authing", SourceContext.EMPTY, VendorExport.generate("authing", 40, 45, 5, Instant.parse("2025-03-01T00:00:00Z")).text());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Instant updated(JsonNode event) {
        return OffsetDateTime.parse(event.path("updated_at").asText()).toInstant();
    }

    private static String predicate(JsonNode event) {
        Matcher m = PREDICATE.matcher(event.path("detail").asText());
        return m.find() ? m.group(1) : "";
    }

    private static Optional<String> file(JsonNode event) {
        Matcher link = FIRST_LINK.matcher(event.path("detail").asText());
        if (!link.find()) {
            return Optional.empty();
        }
        Matcher file = FILE.matcher(link.group(1));
        return file.find() ? Optional.of(file.group(1)) : Optional.empty();
    }

    private static List<JsonNode> expected(Predicate<JsonNode> filter) {
        return export.nodes().stream().filter(filter).toList();
    }

    private static String rfc2822(Instant instant, ZoneOffset zone) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(zone)).replace("GMT", "+0000");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every page of a listing, by page number as Onehub clients page. */
    private static List<JsonNode> walk(String path, String query, byte[] body) {
        List<JsonNode> events = new ArrayList<>();
        int totalPages = 1;
        for (int page = 1; page <= totalPages; page++) {
            String pathAndQuery = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
            TestApi.Response response = body.length == 0 ? api.get(pathAndQuery) : api.get(pathAndQuery, body);
            assertEquals(200, response.status(), response.body());
            JsonNode json = response.json();
            assertEquals(page, json.path("current_page").asInt());
            assertEquals(30, json.path("per_page").asInt());
            totalPages = json.path("total_pages").asInt();
            assertEquals((json.path("total_entries").asInt() + 29) / 30, totalPages);
            assertTrue(json.path("items").size() <= 30);
            json.path("items").forEach(item -> events.add(item.path("event")));
        }
        return events;
    }

    private static List<JsonNode> walk(String query) {
        return walk(ACTIVITY, query, new byte[0]);
    }

    @Test
    void everyEventComesBackAsLoadedNewestFirstPageByPage() {
        TestApi.Response first = api.get(ACTIVITY);
        assertEquals(400, first.json().path("total_entries").asInt());
        assertEquals(14, first.json().path("total_pages").asInt());
        List<JsonNode> events = walk("");
        assertSameRecords(export.nodes(), events);
        assertNewestFirst(events, OnehubCompatIT::updated);
        assertEquals(first.json().path("items"), api.get("/compat/onehub/activity").json().path("items"), "with or without the slash");
    }

    @Test
    void aPagePastTheLastIsEmpty() {
        JsonNode json = api.get(ACTIVITY + "?page=15").json();
        assertEquals(15, json.path("current_page").asInt());
        assertEquals(400, json.path("total_entries").asInt());
        assertTrue(json.path("items").isEmpty());
    }

    @Test
    void workspacesAsBracketsCommasOrAJsonBody() {
        List<String> workspaces = export.nodes().stream().map(e -> e.path("workspace_id").asText()).distinct().limit(2).toList();
        assertEquals(2, workspaces.size());
        List<JsonNode> expected = expected(e -> workspaces.contains(e.path("workspace_id").asText()));
        assertSameRecords(expected, walk("workspaces[]=" + workspaces.get(0) + "&workspaces[]=" + workspaces.get(1)));
        assertSameRecords(expected, walk("workspaces=" + workspaces.get(0) + "," + workspaces.get(1)));
        byte[] body = ("{\"workspaces\": [" + workspaces.get(0) + ", " + workspaces.get(1) + "]}").getBytes(StandardCharsets.UTF_8);
        assertSameRecords(expected, walk(ACTIVITY, "", body));
    }

    @Test
    void verbsMatchTheirDetailPredicates() {
        Map<String, Long> predicates = export.nodes().stream().collect(Collectors.groupingBy(OnehubCompatIT::predicate, Collectors.counting()));
        assertTrue(predicates.keySet().containsAll(Set.of("viewed", "downloaded", "uploaded")), predicates.toString());
        assertSameRecords(expected(e -> Set.of("viewed", "downloaded").contains(predicate(e))), walk("verbs=read,download"));
        assertSameRecords(expected(e -> predicate(e).equals("uploaded")), walk("verbs[]=upload"));
        byte[] body = "{\"verbs\": [\"delete\", \"invite\"]}".getBytes(StandardCharsets.UTF_8);
        assertSameRecords(expected(e -> Set.of("deleted", "invited").contains(predicate(e))), walk(ACTIVITY, "", body));
    }

    @Test
    void actorListsOneUsersEvents() {
        String actor = export.nodes().get(0).path("user_id").asText();
        List<JsonNode> expected = expected(e -> e.path("user_id").asText().equals(actor));
        assertFalse(expected.isEmpty());
        assertSameRecords(expected, walk("actor=" + actor));
    }

    @Test
    void startAndEndTimesAreRfc2822InTheirOwnZoneOrUtc() {
        List<Instant> times = export.nodes().stream().map(OnehubCompatIT::updated).sorted().toList();
        Instant start = times.get(50);
        Instant end = times.get(250);
        List<JsonNode> expected = expected(e -> !updated(e).isBefore(start) && !updated(e).isAfter(end));
        String pacific = "start_time=" + encode(rfc2822(start, ZoneOffset.ofHours(-8))) + "&end_time=" + encode(rfc2822(end, ZoneOffset.ofHours(-8)));
        assertSameRecords(expected, walk(pacific));
        String zoneless = "start_time=" + encode(rfc2822(start, ZoneOffset.UTC).replace(" +0000", ""))
                + "&end_time=" + encode(rfc2822(end, ZoneOffset.UTC).replace(" +0000", ""));
        assertSameRecords(expected, walk(zoneless));
        byte[] body = ("{\"start_time\": \"" + rfc2822(start, ZoneOffset.ofHours(9)) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertSameRecords(expected(e -> !updated(e).isBefore(start)), walk(ACTIVITY, "", body));
    }

    @Test
    void theAuditTrailListsTheEventsLinkingTheFile() {
        Map<String, Long> files = export.nodes().stream().flatMap(e -> file(e).stream())
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        String busiest = files.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<JsonNode> expected = expected(e -> file(e).equals(Optional.of(busiest)));
        assertTrue(expected.size() > 1, "the busiest file has several events");
        assertSameRecords(expected, walk("/compat/onehub/files/" + busiest + "/audit_trail", "", new byte[0]));
        JsonNode none = api.get("/compat/onehub/files/1/audit_trail").json();
        assertEquals(0, none.path("total_entries").asInt());
    }

    @Test
    void invalidInputIsA400WithOnehubsErrorBody() {
        for (String query : List.of("verbs=read,fly", "page=0", "page=two", "start_time=yesterday", "actor=bob", "workspaces=1,x",
                "filter_self=true", "filter_self=maybe",
                "start_time=" + encode("Mon, 18 Jan 2016 11:16:53 -0800") + "&end_time=" + encode("Sun, 17 Jan 2016 11:16:53 -0800"))) {
            TestApi.Response response = api.get(ACTIVITY + "?" + query);
            assertEquals(400, response.status(), query);
            assertEquals("application/json", response.header("Content-Type"));
            assertEquals(Set.of("error"), fieldNames(response.json()), query);
            assertFalse(response.json().path("error").asText().isBlank());
        }
        TestApi.Response notJson = api.get(ACTIVITY, "{workspaces".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJson.status());
        assertEquals(404, api.get("/compat/onehub/files/abc/audit_trail").status());
    }

    @Test
    void pagesBeyondTheResultWindowAskToNarrowTheQuery() {
        TestApi.Response response = api.get(ACTIVITY + "?page=400");
        assertEquals(400, response.status());
        String message = response.json().path("error").asText();
        assertTrue(message.contains("10000") && message.contains("narrow"), message);
        assertEquals(200, api.get(ACTIVITY + "?page=333").status(), "the last page within 10,000 events");
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
