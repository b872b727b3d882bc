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
import java.util.Set;
import java.util.TreeMap;
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
    /** As seed 003 writes the file an event is about: {@code <object><a href="/workspaces/4137/files/849607">name</a> File</object>}. */
    private static final Pattern FILE_OBJECT = Pattern.compile("<object><a href=\"/workspaces/\\d+/files/(\\d+)\">[^<]*</a> File</object>");
    private static final String SEED_FILE = "849607";
    /**
     * Records shaped like seed 003's: its two examples as they are (both about file 849607), a third
     * event on that file, and events that link the same number as something else (a folder, a
     * workspace), another file whose id starts with it, or no file at all. One export page (one line, once
     * its line breaks are taken out).
     */
    private static final String SEED_SHAPED = """
            {"total_entries":7,"current_page":1,"total_pages":1,"per_page":30,"items":[
            {"event":{"id":5063301,"updated_at":"2016-01-19T09:02:10-08:00","detail":"<subject>Jane Roe</subject> <predicate>downloaded</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">onehub-logo.png</a> File</object> <complement>(7 KB)</complement> from the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":502}},
            {"event":{"id":5063247,"updated_at":"2016-01-18T11:16:53-08:00","detail":"<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">onehub-logo.png</a> File</object> <complement>(7 KB)</complement> in the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":481}},
            {"event":{"id":5063110,"updated_at":"2016-01-17T10:00:00-08:00","detail":"<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/4137/folders/849607\\">Logos</a> Folder</object> in the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":481}},
            {"event":{"id":5063109,"updated_at":"2016-01-17T09:30:00-08:00","detail":"<subject>Matthew Anderson</subject> <predicate>created</predicate> the <object><a href=\\"/workspaces/849607\\">Launch</a> Workspace</object>","workspace_id":849607,"user_id":481}},
            {"event":{"id":5063108,"updated_at":"2016-01-16T12:00:00-08:00","detail":"<subject>Jane Roe</subject> <predicate>uploaded</predicate> the <object><a href=\\"/workspaces/4137/files/8496071\\">onehub-logo-2.png</a> File</object> <complement>(9 KB)</complement> to the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":502}},
            {"event":{"id":5063107,"updated_at":"2016-01-16T11:00:00-08:00","detail":"<subject>Matthew Anderson</subject> <predicate>invited</predicate> <object>jane.roe@example.com</object> <complement>(Collaborator)</complement> to the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":481}},
            {"event":{"id":5062927,"updated_at":"2016-01-15T16:22:45-08:00","detail":"<subject>Matthew Anderson</subject> <predicate>uploaded</predicate> the <object><a href=\\"/workspaces/4137/files/849607\\">Onehub_Med_RGB.png</a> File</object> <complement>(7 KB)</complement> to the <object><a href=\\"/workspaces/4137\\">Testing the API</a> Workspace</object>","workspace_id":4137,"user_id":481}}]}
            """;
    private static TestApi api;
    private static VendorExport export;

    @BeforeAll
    static void load(TestElasticsearch es) {
        export = VendorExport.of("onehub", VendorExport.generate("onehub", 400, 45, 5, Instant.parse("2025-03-01T00:00:00Z")).text()
                + SEED_SHAPED.replace("\n", "") + "\n");
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

    /** The files an event is about, as the vendor's markup names them: the objects labelled "File". */
    static Set<String> files(JsonNode event) {
        Set<String> files = new TreeSet<>();
        Matcher file = FILE_OBJECT.matcher(event.path("detail").asText());
        while (file.find()) {
            files.add(file.group(1));
        }
        return files;
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
        assertEquals(407, first.json().path("total_entries").asInt());
        assertEquals(14, first.json().path("total_pages").asInt());
        List<JsonNode> events = walk("");
        assertSameRecords(export.nodes(), events);
        assertNewestFirst(events, OnehubCompatIT::updated);
        assertEquals(first.json().path("items"), api.get("/compat/onehub/activity").json().path("items"), "with or without the slash");
    }

    @Test
    void aPagePastTheLastIsEmptyHoweverFar() {
        for (int page : new int[] {15, 334, 400, Integer.MAX_VALUE}) {
            TestApi.Response response = api.get(ACTIVITY + "?page=" + page);
            assertEquals(200, response.status(), page + ": " + response.body());
            assertEquals(page, response.json().path("current_page").asInt());
            assertEquals(407, response.json().path("total_entries").asInt());
            assertTrue(response.json().path("items").isEmpty());
        }
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
        assertTrue(pacific.contains("%2C"), "the weekday and its comma, as the vendor writes times: " + pacific);
        assertSameRecords(expected, walk(pacific));
        String zoneless = "start_time=" + encode(rfc2822(start, ZoneOffset.UTC).replace(" +0000", ""))
                + "&end_time=" + encode(rfc2822(end, ZoneOffset.UTC).replace(" +0000", ""));
        assertSameRecords(expected, walk(zoneless));
        byte[] body = ("{\"start_time\": \"" + rfc2822(start, ZoneOffset.ofHours(9)) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertSameRecords(expected(e -> !updated(e).isBefore(start)), walk(ACTIVITY, "", body));
    }

    @Test
    void theObsoleteZoneNamesOfRfc2822MeanTheirOffsets() {
        List<Instant> times = export.nodes().stream().map(OnehubCompatIT::updated).sorted().toList();
        Instant start = times.get(340);
        Instant end = times.get(380);
        List<JsonNode> expected = expected(e -> !updated(e).isBefore(start) && !updated(e).isAfter(end));
        Map<String, Integer> zones = Map.of("UT", 0, "GMT", 0, "EST", -5, "EDT", -4, "CST", -6, "CDT", -5, "MST", -7, "MDT", -6,
                "PST", -8, "PDT", -7);
        zones.forEach((zone, hours) -> {
            ZoneOffset offset = ZoneOffset.ofHours(hours);
            String query = "start_time=" + encode(rfc2822(start, offset).replaceFirst("[+-]\\d{4}$", zone))
                    + "&end_time=" + encode(rfc2822(end, offset).replaceFirst("[+-]\\d{4}$", zone));
            assertSameRecords(expected, walk(query));
        });
    }

    @Test
    void aWrongDayOfTheWeekIsRefusedInTheQueryAndInTheBodyAlike() {
        String wrong = "Tue, 18 Jan 2016 11:16:53 -0800";
        List<TestApi.Response> responses = List.of(api.get(ACTIVITY + "?start_time=" + encode(wrong)),
                api.get(ACTIVITY, ("{\"start_time\": \"" + wrong + "\"}").getBytes(StandardCharsets.UTF_8)),
                api.get(ACTIVITY + "?end_time=" + encode(wrong)));
        for (TestApi.Response response : responses) {
            assertEquals(400, response.status(), response.body());
            assertTrue(response.json().path("error").asText().contains("2016-01-18 is a Monday, not a Tuesday"), response.body());
        }
        String right = "Mon, 18 Jan 2016 11:16:53 -0800";
        List<JsonNode> expected = expected(e -> !updated(e).isBefore(Instant.parse("2016-01-18T19:16:53Z")));
        assertSameRecords(expected, walk("start_time=" + encode(right)));
        assertSameRecords(expected, walk(ACTIVITY, "", ("{\"start_time\": \"" + right + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFirstAndLastFourDigitYearsAreServedAndOthersRefused() {
        assertSameRecords(export.nodes(), walk("start_time=" + encode("1 Jan 0000 00:00:00 +0000")
                + "&end_time=" + encode("Fri, 31 Dec 9999 23:59:59 +0000")));
        assertSameRecords(export.nodes(), walk("end_time=" + encode("Fri, 31 Dec 9999 23:59:59 -1200")));
        assertEquals(0, api.get(ACTIVITY + "?start_time=" + encode("Fri, 31 Dec 9999 23:59:59 +0000") + "&end_time="
                + encode("Fri, 31 Dec 9999 23:59:59 +0000")).json().path("total_entries").asInt());
        for (String query : List.of("start_time=" + encode("Fri, 31 Dec 9999 23:59:59 +0000"), "end_time=" + encode("1 Jan 10000 00:00:00 +0000"),
                "start_time=" + encode("1 Jan 99999999999 00:00:00 +0000"))) {
            TestApi.Response response = api.get(ACTIVITY + "?" + query);
            assertEquals(400, response.status(), query + ": " + response.body());
            assertFalse(response.json().path("error").asText().isBlank());
        }
    }

    @Test
    void theAuditTrailOfTheSeedsFileIsTheEventsOnThatFile() {
        JsonNode page = api.get("/compat/onehub/files/" + SEED_FILE + "/audit_trail").json();
        assertEquals(3, page.path("total_entries").asInt());
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.at("/event/id").asLong()));
        assertEquals(List.of(5063301L, 5063247L, 5062927L), ids, "the seed's two events and the download, newest first;"
                + " not the folder or workspace with the same number, nor file 8496071");
        assertEquals(List.of(5063108L), auditTrailIds("8496071"));
    }

    private static List<Long> auditTrailIds(String file) {
        List<Long> ids = new ArrayList<>();
        api.get("/compat/onehub/files/" + file + "/audit_trail").json().path("items").forEach(item -> ids.add(item.at("/event/id").asLong()));
        return ids;
    }

    @Test
    void theAuditTrailListsTheEventsOnTheFileForEveryFile() {
        Map<String, List<JsonNode>> byFile = new TreeMap<>();
        export.nodes().forEach(e -> files(e).forEach(f -> byFile.computeIfAbsent(f, k -> new ArrayList<>()).add(e)));
        assertTrue(byFile.size() > 20, "the export touches many files");
        assertTrue(byFile.values().stream().anyMatch(events -> events.size() > 1), "files with several events");
        byFile.forEach((file, events) -> assertSameRecords(events, walk("/compat/onehub/files/" + file + "/audit_trail", "", new byte[0])));
        assertFalse(byFile.containsKey("1"));
        assertEquals(0, api.get("/compat/onehub/files/1/audit_trail").json().path("total_entries").asInt());
    }

    @Test
    void invalidInputIsA400WithOnehubsErrorBody() {
        for (String query : List.of("verbs=read,fly", "page=0", "page=two", "page=2147483648", "start_time=yesterday", "actor=bob",
                "workspaces=1,x", "filter_self=true", "filter_self=maybe", "start_time=" + encode("Mon, 18 Jan 2016 11:16:53 XST"),
                "start_time=" + encode("Mon, 18 Jan 2016 11:16:53 -0800") + "&end_time=" + encode("Sun, 17 Jan 2016 11:16:53 -0800"))) {
            TestApi.Response response = api.get(ACTIVITY + "?" + query);
            assertEquals(400, response.status(), query);
            assertEquals("application/json", response.header("Content-Type"));
            assertEquals(Set.of("error"), fieldNames(response.json()), query);
            assertFalse(response.json().path("error").asText().isBlank());
        }
        for (String body : List.of("{workspaces", "[1]", "{\"page\": [2]}", "{\"start_time\": {\"at\": 1}}", "{\"filter_self\": \"maybe\"}")) {
            TestApi.Response response = api.get(ACTIVITY, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.status(), body);
            assertEquals(Set.of("error"), fieldNames(response.json()), body);
        }
        TestApi.Response both = api.get(ACTIVITY + "?page=0&actor=bob");
        assertTrue(both.json().path("error").asText().contains("page") && both.json().path("error").asText().contains("actor"),
                "every problem at once: " + both.body());
        assertEquals(404, api.get("/compat/onehub/files/abc/audit_trail").status());
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
