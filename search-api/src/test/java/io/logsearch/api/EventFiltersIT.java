package io.logsearch.api;

import static io.logsearch.api.TestApi.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.Sources;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every filter of {@code GET /v1/events}, alone and combined, on a small hand-made set of events. */
@ExtendWith(RealElasticsearch.class)
class EventFiltersIT {

    private static TestApi api;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static String event(String id, String timestamp, String action, String outcome, String provider, String org,
                                String user, String extra) {
        return ("{\"@timestamp\":\"%s\",\"event\":{\"id\":\"%s\",\"action\":\"%s\",\"outcome\":\"%s\",\"provider\":\"%s\","
                + "\"dataset\":\"%s.test\"},\"organization\":{\"id\":\"%s\"},\"user\":{\"id\":\"%s\"}%s}")
                .formatted(timestamp, id, action, outcome, provider, provider, org, user, extra.isEmpty() ? "" : "," + extra);
    }

    @BeforeAll
    static void load(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
        List<String> events = new ArrayList<>(List.of(
                event("e01", "2024-03-01T10:00:00Z", "Login failed.", "failure", "thousandeyes", "100", "u1",
                        "\"client\":{\"ip\":\"10.1.2.3\",\"address\":\"10.1.2.3\"},\"message\":\"API user: Login failed.\""),
                event("e02", "2024-03-01T11:00:00Z", "Login successful.", "success", "thousandeyes", "100", "u2",
                        "\"client\":{\"ip_range\":\"99.128.0.0/11\",\"address\":\"99.128.0.0/11\"},\"message\":\"login ok from a network\""),
                event("e03", "2024-03-02T09:00:00Z", "login", "success", "authing", "pool-1", "u1",
                        "\"client\":{\"ip\":\"2001:db8::5\"},\"authing\":{\"app\":{\"id\":\"app-1\"}},\"http\":{\"request\":{\"id\":\"req-1\"}}"),
                event("e04", "2024-03-02T09:30:00Z", "logout", "success", "authing", "pool-1", "u3",
                        "\"client\":{\"ip\":\"2001:db8:1::9\"},\"authing\":{\"app\":{\"id\":\"app-2\"}},\"http\":{\"request\":{\"id\":\"req-2\"}}"),
                event("e05", "2024-03-03T00:00:00Z", "viewed", "success", "onehub", "4137", "u4",
                        "\"message\":\"Matthew Anderson viewed the report.pdf File\""),
                event("e06", "2024-03-03T12:00:00Z", "uploaded", "success", "onehub", "4137", "u4",
                        "\"message\":\"Matthew Anderson uploaded the Budget & Plan.xlsx File\""),
                event("e07", "2024-03-04T08:00:00Z", "asset_viewed", "success", "actionhub", "prog-1", "u5", "\"tags\":[\"a\"]"),
                event("e08", "2024-03-04T08:00:00Z", "LOGIN FAILED.", "failure", "thousandeyes", "200", "u6",
                        "\"client\":{\"ip\":\"192.168.1.10\"}"),
                event("e09", "2024-03-05T00:00:00Z", "Report created.", "success", "thousandeyes", "200", "u6",
                        "\"client\":{\"ip_range\":\"2001:db8:ff00::/40\"}"),
                event("e10", "2023-12-31T23:59:59Z", "verifyMfa", "failure", "authing", "pool-2", "u7",
                        "\"client\":{\"ip\":\"10.200.0.1\"},\"authing\":{\"app\":{\"id\":\"app-1\"}}"),
                event("e11", NOW.minusSeconds(600).toString(), "login", "success", "authing", "pool-2", "u7", ""),
                event("e12", NOW.minus(2, ChronoUnit.DAYS).toString(), "login", "success", "authing", "pool-2", "u8", "")));
        events.set(0, events.get(0).replace("\"event\":{", "\"event\":{\"category\":[\"authentication\"],\"type\":[\"start\"],"));
        events.set(2, events.get(2).replace("\"event\":{", "\"event\":{\"category\":[\"authentication\"],\"type\":[\"start\"],"));
        events.set(3, events.get(3).replace("\"event\":{", "\"event\":{\"category\":[\"authentication\"],\"type\":[\"end\"],"));
        events.set(9, events.get(9).replace("\"event\":{", "\"event\":{\"category\":[\"authentication\"],\"type\":[\"start\"],"));
        events.set(4, events.get(4).replace("\"event\":{", "\"event\":{\"category\":[\"file\"],"));
        assertEquals(12, api.loadEcs(events).indexed());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Set<String> matching(String query) {
        TestApi.Response response = api.get("/v1/events?size=1000&" + query);
        assertEquals(200, response.status(), response.body());
        return new TreeSet<>(ids(response));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void withoutFiltersEverythingComesNewestFirst() {
        TestApi.Response response = api.get("/v1/events");
        List<String> ids = ids(response);
        assertEquals(List.of("e11", "e12", "e09"), ids.subList(0, 3));
        assertEquals("e10", ids.get(ids.size() - 1));
        assertEquals(12, response.json().at("/total/value").asInt());
        assertEquals("eq", response.json().at("/total/relation").asText());
        assertTrue(response.json().get("_links").has("self"));
        assertFalse(response.json().get("_links").has("next"), "no next link when everything fits");
        assertFalse(response.json().has("startDate"), "no range given, none reported");
        for (JsonNode event : response.json().get("events")) {
            assertTrue(event.at("/event/original").isMissingNode());
        }
    }

    @Test
    void oldestFirstAndTiesBrokenByEventId() {
        List<String> ids = ids(api.get("/v1/events?order=asc&size=1000"));
        assertEquals(List.of("e10", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e12", "e11"), ids);
        List<String> desc = ids(api.get("/v1/events?order=desc&size=1000"));
        assertEquals(List.of("e08", "e07"), desc.subList(desc.indexOf("e08"), desc.indexOf("e08") + 2));
    }

    @Test
    void eventTypeIsExactCaseInsensitiveAndRepeatable() {
        assertEquals(Set.of("e01", "e08"), matching("eventType=" + encode("login failed.")));
        assertEquals(Set.of("e03", "e04", "e11", "e12"), matching("eventType=login&eventType=LOGOUT"));
        assertEquals(Set.of("e03", "e11", "e12"), matching("eventType=LOGIN"));
        assertEquals(Set.of(), matching("eventType=log"), "exact, not a prefix");
    }

    @Test
    void absoluteRangesInIsoOrEpochMilliseconds() {
        assertEquals(Set.of("e01", "e02", "e03", "e04"), matching("startDate=2024-03-01T00:00:00Z&endDate=2024-03-02T23:59:59Z"));
        assertEquals(Set.of("e01", "e02", "e03", "e04"), matching("startDate=" + Instant.parse("2024-03-01T00:00:00Z").toEpochMilli()
                + "&endDate=" + Instant.parse("2024-03-02T23:59:59Z").toEpochMilli()));
        assertEquals(Set.of("e10"), matching("endDate=2024-01-01T00:00:00%2B00:00"));
        assertEquals(Set.of("e03", "e04"), matching("startDate=2024-03-02T10:00:00%2B01:00&endDate=2024-03-02T09:30:00Z"));
        TestApi.Response response = api.get("/v1/events?startDate=2024-03-01T00:00:00Z&endDate=2024-03-02T00:00:00Z");
        assertEquals("2024-03-01T00:00:00Z", response.json().get("startDate").asText());
        assertEquals("2024-03-02T00:00:00Z", response.json().get("endDate").asText());
    }

    @Test
    void aWindowReachesBackFromNow() {
        assertEquals(Set.of("e11"), matching("window=1h"));
        assertEquals(Set.of("e11"), matching("window=3600"));
        assertEquals(Set.of("e11", "e12"), matching("window=3d"));
        assertEquals(Set.of("e11", "e12"), matching("window=1w"));
    }

    @Test
    void successSelectsTheOutcome() {
        assertEquals(Set.of("e01", "e08", "e10"), matching("success=false"));
        assertEquals(9, matching("success=true").size());
    }

    @Test
    void clientIpMatchesAddressesInsideAndRangesOverlapping() {
        assertEquals(Set.of("e01", "e10"), matching("clientIp=10.0.0.0/8"));
        assertEquals(Set.of("e01"), matching("clientIp=10.1.2.3"));
        assertEquals(Set.of("e02"), matching("clientIp=99.130.1.1"));
        assertEquals(Set.of("e02"), matching("clientIp=99.0.0.0/8"));
        assertEquals(Set.of("e02"), matching("clientIp=99.128.0.0/24"));
        assertEquals(Set.of(), matching("clientIp=99.0.0.0/9"));
        assertEquals(Set.of("e03", "e04", "e09"), matching("clientIp=2001:db8::/32"));
        assertEquals(Set.of("e03"), matching("clientIp=2001:db8::5"));
        assertEquals(Set.of("e09"), matching("clientIp=2001:db8:ff42::1"));
        assertEquals(Set.of("e01", "e08"), matching("clientIp=10.1.2.3&clientIp=192.168.0.0/16"));
        assertEquals(Set.of("e01", "e10"), matching("clientIp=" + encode("::ffff:10.0.0.0/104")), "IPv4-mapped is IPv4");
        assertEquals(Set.of("e08"), matching("clientIp=" + encode("::ffff:192.168.1.10")));
    }

    @Test
    void addressesAreParsedNeverResolved() {
        for (String notAnAddress : List.of("999.1.1.1", "localhost", "example.com", "01.2.3.4", "fe80::1%25eth0", "::ffff:10.0.0.0/129")) {
            TestApi.Response response = api.get("/v1/events?clientIp=" + notAnAddress);
            assertEquals(400, response.status(), notAnAddress);
            assertEquals("clientIp", response.json().at("/errors/0/field").asText());
        }
    }

    @Test
    void exactMatchFiltersTakeAnyKeywordButNotControlCharactersOrOverlongValues() {
        assertEquals(Set.of(), matching("source=okta"), "an ECS producer's provider is a valid source");
        assertEquals(400, api.get("/v1/events?source=a%0Ab").status());
        assertEquals(400, api.get("/v1/events?userId=" + "u".repeat(1025)).status());
        assertEquals(Set.of(), matching("userId=" + "u".repeat(1024)));
    }

    @Test
    void exactMatchFilters() {
        assertEquals(Set.of("e01", "e03"), matching("userId=u1"));
        assertEquals(Set.of("e01", "e02"), matching("organizationId=100"));
        assertEquals(Set.of("e01", "e02", "e08", "e09"), matching("organizationId=100&organizationId=200"));
        assertEquals(Set.of("e03", "e10"), matching("appId=app-1"));
        assertEquals(Set.of("e04"), matching("requestId=req-2"));
        assertEquals(Set.of("e05", "e06"), matching("source=onehub"));
        assertEquals(Set.of("e05"), matching("category=file"));
        assertEquals(Set.of("e01", "e03", "e04", "e10"), matching("category=authentication"));
        assertEquals(Set.of("e04"), matching("type=end"));
    }

    @Test
    void failedSignInsFromEverySourceAreOneQuestion() {
        assertEquals(Set.of("e01", "e10"), matching("category=authentication&type=start&success=false"));
        assertEquals(Set.of("e01", "e03", "e10"), matching("category=authentication&type=start"));
    }

    @Test
    void aDateAloneIsTheWholeUtcDay() {
        assertEquals(Set.of("e03", "e04"), matching("startDate=2024-03-02&endDate=2024-03-02"));
        assertEquals(Set.of("e03", "e04"), matching("startDate=2024-03-02T08:00:00%2B08:00&endDate=2024-03-02"));
    }

    @Test
    void freeTextSearchesTheMessageOnly() {
        assertEquals(Set.of("e06"), matching("q=budget"));
        assertEquals(Set.of("e05", "e06"), matching("q=" + encode("matthew anderson")));
        assertEquals(Set.of("e05"), matching("q=" + encode("anderson -budget")));
        assertEquals(Set.of("e06"), matching("q=" + encode("\"uploaded the budget\"")));
        assertEquals(Set.of("e05", "e06"), matching("q=" + encode("anders*")));
        assertEquals(Set.of(), matching("q=u1"), "user ids are not in the message");
    }

    @Test
    void luceneAndDslInTheTextAreJustText() {
        for (String hostile : List.of("user.id:u1", "message:* OR *:*", "{\"match_all\":{}}", "((((", "a~2 AND b^3", "/.*/", "\\")) {
            TestApi.Response response = api.get("/v1/events?q=" + encode(hostile));
            assertEquals(200, response.status(), hostile + ": " + response.body());
            assertTrue(ids(response).size() <= 1, hostile + " matched " + ids(response));
        }
    }

    @Test
    void filtersCombineWithAnd() {
        assertEquals(Set.of("e01", "e08"), matching("source=thousandeyes&success=false"));
        assertEquals(Set.of("e03"), matching("source=authing&clientIp=2001:db8::/32&userId=u1"));
        assertEquals(Set.of("e03", "e04"), matching("source=authing&startDate=2024-03-02T00:00:00Z&endDate=2024-03-03T00:00:00Z&eventType=login&eventType=logout"));
        assertEquals(Set.of(), matching("source=onehub&success=false"));
    }

    @Test
    void invalidParametersAreAllNamedInOneProblem() {
        TestApi.Response response = api.get("/v1/events?size=0&order=up&success=maybe&clientIp=999.1.1.1&source=a%01b&startDate=yesterday&colour=red");
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        JsonNode problem = response.json();
        assertEquals(400, problem.get("status").asInt());
        Set<String> fields = new TreeSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("size", "order", "success", "clientIp", "source", "startDate", "colour"), fields);
    }

    @Test
    void windowAndDatesExcludeEachOther() {
        TestApi.Response response = api.get("/v1/events?window=1h&startDate=2024-03-01T00:00:00Z");
        assertEquals(400, response.status());
        assertEquals("window", response.json().at("/errors/0/field").asText());
        for (String bad : List.of("12hours", "1.5h", "-1d", "h")) {
            assertEquals(400, api.get("/v1/events?window=" + encode(bad)).status(), bad);
        }
        assertEquals(400, api.get("/v1/events?startDate=2024-03-02T00:00:00Z&endDate=2024-03-01T00:00:00Z").status());
        assertEquals(400, api.get("/v1/events?size=1001").status());
        assertEquals(400, api.get("/v1/events?size=ten").status());
    }

    @Test
    void aNarrowRangeSearchesOnlyItsOwnPartitions(TestElasticsearch es) throws Exception {
        TestElasticsearch ranges = new TestElasticsearch(es.url(), es.indexBase() + "-ranges");
        try (TestApi other = TestApi.start(ranges, cfg -> { })) {
            other.loadEcs(List.of(event("r1", "2024-03-01T10:00:00Z", "login", "success", "authing", "pool-1", "u1", "")));
            // an event of March 1st in June's partition: found only by searches that touch June's partition
            ObjectNode strayRecord = (ObjectNode) TestApi.JSON.readTree(
                    event("stray", "2024-03-01T10:30:00Z", "login", "success", "authing", "pool-1", "u1", ""));
            ObjectNode stray = Sources.byId("ecs")
                    .normalize(new SourceRecord(strayRecord, Optional.empty()), SourceContext.EMPTY).document();
            other.client.index(i -> i.index(ranges.indexBase() + "-2024.06.15").id("stray").document(stray));
            other.refresh();

            String march = "startDate=2024-03-01T00:00:00Z&endDate=2024-03-01T23:59:59Z";
            assertEquals(List.of("r1"), ids(other.get("/v1/events?" + march)));
            assertEquals(1, other.get("/v1/events/top?field=userId&" + march).json().at("/buckets/0/count").asInt());
            assertEquals(1, other.get("/v1/events/export?" + march).body().split("\n").length);
            assertEquals(List.of("stray", "r1"), ids(other.get("/v1/events?startDate=2024-03-01T00:00:00Z&endDate=2024-06-30T00:00:00Z")),
                    "a range reaching June searches June's partition");
            assertEquals(List.of("stray", "r1"), ids(other.get("/v1/events")), "no range: every partition");
        }
    }

    @Test
    void aBaseNeverSearchesTheEventsOfALongerBaseStartingWithIt(TestElasticsearch es) throws Exception {
        TestElasticsearch eu = new TestElasticsearch(es.url(), es.indexBase() + "-eu");
        try (TestApi europe = TestApi.start(eu, cfg -> { })) {
            europe.loadEcs(List.of(event("eu1", "2024-03-01T10:00:00Z", "Login failed.", "failure", "thousandeyes", "100", "u1", "")));
            assertEquals(List.of("eu1"), ids(europe.get("/v1/events")));

            for (String query : List.of("", "?userId=u1", "?startDate=2024-03-01T00:00:00Z&endDate=2024-03-01T23:59:59Z",
                    "?window=" + 100 * 365 + "d")) {
                assertFalse(ids(api.get("/v1/events" + query)).contains("eu1"), query);
            }
            assertFalse(api.get("/v1/events/export").body().contains("\"eu1\""));
            long counted = 0;
            for (JsonNode bucket : api.get("/v1/events/histogram").json().get("buckets")) {
                counted += bucket.get("count").asLong();
            }
            assertEquals(12, counted, "the histogram counts this base's twelve events only");
            assertEquals(12, api.get("/v1/events/top?field=source").json().findValues("count").stream().mapToLong(JsonNode::asLong).sum());
        }
    }

    @Test
    void includeOriginalReturnsTheSourceRecord() {
        JsonNode event = api.get("/v1/events?requestId=req-1&includeOriginal=true").json().at("/events/0");
        assertTrue(event.at("/event/original").asText().contains("\"req-1\""), event.toString());
    }
}
