package io.logsearch.api;

import static io.logsearch.api.TestApi.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deep paging: walking {@code _links.next} returns every matching event exactly once, in order,
 * whatever the page size and order, even when many events share a timestamp.
 */
@ExtendWith(RealElasticsearch.class)
class PagingIT {

    private static final int EVENTS = 2_500;
    private static final Instant RECENT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
    private static TestApi api;

    private record Expected(String id, Instant timestamp, String org) {
    }

    private static final List<Expected> ALL = new ArrayList<>();

    @BeforeAll
    static void load(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
        Random random = new Random(42);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // few distinct instants: ties on @timestamp are the rule, not the exception
            Instant at = i % 10 == 0
                    ? RECENT.plusSeconds(random.nextInt(20))
                    : Instant.parse("2024-05-01T00:00:00Z").plus(random.nextInt(40) * 7, ChronoUnit.HOURS);
            String id = "p" + Integer.toString(random.nextInt(1_000_000_000), 36) + "-" + i;
            String org = i % 3 == 0 ? "a" : "b";
            ALL.add(new Expected(id, at, org));
            documents.add("{\"@timestamp\":\"" + at + "\",\"event\":{\"id\":\"" + id + "\",\"action\":\"x\",\"outcome\":\"success\"},"
                    + "\"organization\":{\"id\":\"" + org + "\"}}");
        }
        assertEquals(EVENTS, api.loadEcs(documents).indexed());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static List<String> walk(String query, int pageSize) {
        List<String> seen = new ArrayList<>();
        TestApi.Response page = api.get("/v1/events?size=" + pageSize + query);
        int pages = 1;
        while (true) {
            assertEquals(200, page.status(), page.body());
            List<String> ids = ids(page);
            assertTrue(ids.size() <= pageSize);
            seen.addAll(ids);
            JsonNode next = page.json().at("/_links/next/href");
            if (next.isMissingNode()) {
                return seen;
            }
            assertEquals(pageSize, ids.size(), "only the last page may be short");
            page = api.follow(next.asText());
            assertTrue(++pages < 10_000, "walk does not end");
        }
    }

    private static List<String> expected(boolean ascending, String org) {
        Comparator<Expected> order = Comparator.comparing(Expected::timestamp).thenComparing(Expected::id);
        return ALL.stream()
                .filter(e -> org == null || e.org().equals(org))
                .sorted(ascending ? order : order.reversed())
                .map(Expected::id)
                .toList();
    }

    @Test
    void everyEventExactlyOnceInOrderForRandomPageSizesAndBothOrders() {
        Random random = new Random(7);
        for (int round = 0; round < 6; round++) {
            int pageSize = round < 2 ? 7 + random.nextInt(30) : 1 + random.nextInt(700);
            boolean ascending = round % 2 == 1;
            List<String> walked = walk("&order=" + (ascending ? "asc" : "desc"), pageSize);
            assertEquals(expected(ascending, null), walked, "page size " + pageSize + (ascending ? " asc" : " desc"));
            assertEquals(walked.size(), new HashSet<>(walked).size(), "no duplicates");
        }
    }

    @Test
    void filtersStayAppliedOnEveryPage() {
        assertEquals(expected(false, "a"), walk("&organizationId=a", 97));
    }

    @Test
    void aWindowIsResolvedOnceAndFrozenInTheCursor() throws Exception {
        TestApi.Response first = api.get("/v1/events?window=1h&size=50");
        String start = first.json().get("startDate").asText();
        String end = first.json().get("endDate").asText();
        Thread.sleep(1100);
        TestApi.Response second = api.follow(first.json().at("/_links/next/href").asText());
        assertEquals(start, second.json().get("startDate").asText(), "the range does not slide between pages");
        assertEquals(end, second.json().get("endDate").asText());
        long recent = ALL.stream().filter(e -> e.timestamp().equals(RECENT) || e.timestamp().isAfter(RECENT)).count();
        assertEquals(recent, walk("&window=1h", 60).size());
    }

    @Test
    void aTamperedCursorIsRefused() {
        String next = api.get("/v1/events?size=10").json().at("/_links/next/href").asText();
        String cursor = URLDecoder.decode(next.substring(next.indexOf("cursor=") + 7), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("\"t\":", "\"t\":1").getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));
        for (String bad : List.of(forged, cursor + "x", "garbage", cursor.substring(0, cursor.indexOf('.')), ".")) {
            TestApi.Response response = api.get("/v1/events?size=10&cursor=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertEquals(400, response.status(), bad);
            assertEquals("cursor", response.json().at("/errors/0/field").asText());
        }
    }

    @Test
    void aCursorUsedWithOtherFiltersIsRefused() {
        String next = api.get("/v1/events?size=10&organizationId=a").json().at("/_links/next/href").asText();
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        TestApi.Response other = api.get("/v1/events?size=10&organizationId=b&cursor=" + cursor);
        assertEquals(400, other.status());
        assertTrue(other.json().get("detail").asText().contains("other filters"), other.body());
        assertEquals(400, api.get("/v1/events?size=10&organizationId=a&order=asc&cursor=" + cursor).status());
        assertEquals(200, api.get("/v1/events?size=25&organizationId=a&cursor=" + cursor).status(), "page size may change");
    }

    /** Past ten thousand the total is a lower bound: AggregationsAndExportIT, which has more events, shows that. */
    @Test
    void totalIsExactBelowTenThousand() {
        JsonNode total = api.get("/v1/events?size=1").json().get("total");
        assertEquals(EVENTS, total.get("value").asInt());
        assertEquals("eq", total.get("relation").asText());
        JsonNode filtered = api.get("/v1/events?size=1&organizationId=a").json().get("total");
        assertEquals(expected(false, "a").size(), filtered.get("value").asInt());
        assertEquals("eq", filtered.get("relation").asText());
    }
}
