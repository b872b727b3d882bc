package io.logsearch.api.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Page numbers (Onehub, Authing) at the edge of the 10,000 results Elasticsearch reaches by offset:
 * every page whose events lie within them is served, the last one cut short too; a page after the
 * last is empty; a page holding events beyond them is a 400 saying exactly which, and how to narrow.
 */
@ExtendWith(RealElasticsearch.class)
class PageNumbersIT {

    private static final String ONEHUB = "/compat/onehub/activity/";
    private static final String AUTHING = "/compat/authing/api/v3/get-user-action-logs";
    private static final int EVENTS = 10_010;
    /** Onehub events in workspace 4137; the others are in 4138. */
    private static final int IN_4137 = 9_995;
    private static TestApi api;
    private static VendorExport onehub;
    private static VendorExport authing;

    @BeforeAll
    static void load(TestElasticsearch es) {
        onehub = VendorExport.of("onehub", seedShapedOnehubExport());
        // a day's worth, so that the events fill few partitions and load quickly
        authing = VendorExport.generate("authing", EVENTS, 1, 9, Instant.parse("2025-09-15T00:00:00Z"));
        api = TestApi.start(es, cfg -> { });
        api.load("onehub", SourceContext.EMPTY, onehub.text());
        api.load("authing", SourceContext.EMPTY, authing.text());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Events shaped like seed 003's, a second apart (newest first, ids rising), in pages of 1,000. */
    private static String seedShapedOnehubExport() {
        DateTimeFormatter rails = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
        Instant newest = Instant.parse("2016-01-18T19:16:53Z");
        StringBuilder export = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            export.append(i % 1000 == 0 ? "{\"items\":[" : ",");
            int workspace = i < IN_4137 ? 4137 : 4138;
            export.append("""
                    {"event":{"id":%d,"updated_at":"%s","detail":"<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href=\\"/workspaces/%d/files/%d\\">report-%d.pdf</a> File</object> <complement>(7 KB)</complement> in the <object><a href=\\"/workspaces/%d\\">Testing the API</a> Workspace</object>","workspace_id":%d,"user_id":481}}"""
                    .formatted(5_000_000 + i, rails.format(newest.minusSeconds(i).atOffset(ZoneOffset.ofHours(-8))), workspace,
                            849_607 + i % 50, i % 50, workspace, workspace));
            if (i % 1000 == 999 || i == EVENTS - 1) {
                export.append("]}\n");
            }
        }
        return export.toString();
    }

    private static List<Long> onehubIds(String query) {
        List<Long> ids = new ArrayList<>();
        api.get(ONEHUB + "?" + query).json().path("items").forEach(item -> ids.add(item.at("/event/id").asLong()));
        return ids;
    }

    private static List<Long> idsOfEvents(int from, int to) {
        return LongStream.range(from, to).map(i -> 5_000_000 + i).boxed().toList();
    }

    @Test
    void onehubServesEveryPageWithinTheFirst10000EventsTheLastOneCutShort() {
        JsonNode last = api.get(ONEHUB + "?workspaces=4137&page=334").json();
        assertEquals(IN_4137, last.path("total_entries").asInt());
        assertEquals(334, last.path("total_pages").asInt());
        assertEquals(idsOfEvents(9_990, IN_4137), onehubIds("workspaces=4137&page=334"), "events 9,991 to 9,995");
        assertEquals(idsOfEvents(9_960, 9_990), onehubIds("workspaces=4137&page=333"));
        assertEquals(idsOfEvents(0, 30), onehubIds("workspaces=4137&page=1"));
    }

    @Test
    void onehubRefusesAPageHoldingEventsBeyondThemSayingWhichAndHowToNarrow() {
        assertEquals(30, api.get(ONEHUB + "?page=333").json().path("items").size());
        TestApi.Response refused = api.get(ONEHUB + "?page=334");
        assertEquals(400, refused.status());
        assertEquals("Page 334 holds events 9,991 to 10,010 of 10,010, but page numbers reach only the first 10,000;"
                + " narrow the query with start_time and end_time, workspaces, verbs or actor and page again",
                refused.json().path("error").asText());
        for (int afterTheLast : new int[] {335, 100_000}) {
            JsonNode empty = api.get(ONEHUB + "?page=" + afterTheLast).json();
            assertEquals(EVENTS, empty.path("total_entries").asInt());
            assertTrue(empty.path("items").isEmpty(), "page " + afterTheLast);
        }
    }

    private static TestApi.Response authing(String body) {
        return api.post(AUTHING, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authingRefusesAPageHoldingEventsBeyondThemAndServesTheRest() {
        assertEquals(50, authing("{\"pagination\":{\"page\":200,\"limit\":50}}").json().at("/data/list").size());
        TestApi.Response refused = authing("{\"pagination\":{\"page\":201,\"limit\":50}}");
        assertEquals(200, refused.status());
        assertEquals(400, refused.json().path("statusCode").asInt());
        assertEquals("Page 201 holds events 10,001 to 10,010 of 10,010, but page numbers reach only the first 10,000;"
                + " narrow the query with start and end, userId, appId or eventType and page again", refused.json().path("message").asText());
        JsonNode empty = authing("{\"pagination\":{\"page\":202,\"limit\":50}}").json();
        assertEquals(EVENTS, empty.at("/data/totalCount").asInt());
        assertTrue(empty.at("/data/list").isEmpty());
    }

    @Test
    void authingServesALastPageCutShortByTheEndOfTheResults() {
        List<Instant> times = authing.nodes().stream().map(AuthingCompatIT::timestamp).sorted().toList();
        Instant start = times.get(EVENTS - 9_995);
        List<JsonNode> expected = authing.nodes().stream().filter(r -> !AuthingCompatIT.timestamp(r).isBefore(start)).toList();
        assertTrue(expected.size() > 9_990 && expected.size() <= 10_000, "a last page of 30 reaching past 10,000: " + expected.size());
        List<JsonNode> lastTwoPages = new ArrayList<>();
        for (int page : new int[] {333, 334}) {
            TestApi.Response response = authing("{\"start\":" + start.toEpochMilli() + ",\"pagination\":{\"page\":" + page + ",\"limit\":30}}");
            assertEquals(200, response.status(), "page " + page + ": " + response.body());
            assertEquals(expected.size(), response.json().at("/data/totalCount").asInt());
            response.json().at("/data/list").forEach(lastTwoPages::add);
        }
        // events 9,961 to the last: the oldest ones, compared by time (events of the same millisecond may come in either order)
        List<Instant> oldest = expected.stream().map(AuthingCompatIT::timestamp).sorted().limit(expected.size() - 9_960).toList();
        assertEquals(oldest, lastTwoPages.stream().map(AuthingCompatIT::timestamp).sorted().toList());
        assertTrue(expected.containsAll(lastTwoPages));
    }
}
