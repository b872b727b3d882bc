package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code exclude=<filter>:<value>} leaves events out, on every {@code /v1/events} endpoint. */
@ExtendWith(RealElasticsearch.class)
class ExcludeFilterIT {

    private static TestApi api;

    @BeforeAll
    static void load(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
        List<String> documents = new ArrayList<>();
        String[] actions = {"login", "logout", "delete"};
        for (int i = 0; i < 12; i++) {
            documents.add("{\"@timestamp\":\"2024-02-01T00:00:" + (10 + i) + "Z\",\"event\":{\"id\":\"x" + i + "\",\"action\":\""
                    + actions[i % 3] + "\",\"provider\":\"" + (i < 6 ? "okta" : "github") + "\",\"category\":[\"iam\"]},"
                    + "\"user\":{\"id\":\"u" + (i % 4) + "\"}}");
        }
        api.loadEcs(documents);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Set<String> ids(String query) {
        TestApi.Response page = api.get("/v1/events?size=100&startDate=2024-02-01T00:00:00Z&" + query);
        assertEquals(200, page.status(), page.body());
        return new TreeSet<>(TestApi.ids(page));
    }

    @Test
    void leavesOutTheExcludedValuesOfEachFilter() {
        assertEquals(Set.of("x1", "x10", "x11", "x2", "x4", "x5", "x7", "x8"), ids("exclude=eventType:login"));
        assertEquals(Set.of("x1", "x4"), ids("exclude=eventType:login&exclude=eventType:delete&source=okta"));
        assertEquals(Set.of("x10", "x11", "x6", "x7", "x8", "x9"), ids("exclude=source:okta"));
        assertEquals(Set.of("x10", "x11", "x2", "x3", "x6", "x7"), ids("exclude=userId:u0&exclude=userId:u1"));
        assertEquals(Set.of(), ids("exclude=category:iam"));
    }

    @Test
    void appliesToTopHistogramAndExport() {
        JsonNode top = api.get("/v1/events/top?field=eventType&startDate=2024-02-01T00:00:00Z&exclude=eventType:login").json();
        assertEquals(Set.of("logout", "delete"), new TreeSet<>(top.findValuesAsText("value")));
        JsonNode histogram = api.get("/v1/events/histogram?startDate=2024-02-01T00:00:00Z&endDate=2024-02-01T23:59:59Z&exclude=source:github").json();
        long counted = 0;
        for (JsonNode bucket : histogram.get("buckets")) {
            counted += bucket.get("count").asLong();
        }
        assertEquals(6, counted);
        TestApi.Response export = api.get("/v1/events/export?startDate=2024-02-01T00:00:00Z&exclude=source:github&exclude=eventType:logout");
        assertEquals(4, export.body().strip().split("\n").length, export.body());
    }

    @Test
    void aCursorKeepsTheExclusionAndRefusesAnother() {
        TestApi.Response first = api.get("/v1/events?size=2&startDate=2024-02-01T00:00:00Z&exclude=source:okta");
        String next = first.json().at("/_links/next/href").asText();
        List<String> seen = new ArrayList<>(TestApi.ids(first));
        while (!next.isEmpty()) {
            TestApi.Response page = api.follow(next);
            seen.addAll(TestApi.ids(page));
            next = page.json().at("/_links/next/href").asText();
        }
        assertEquals(Set.of("x10", "x11", "x6", "x7", "x8", "x9"), new TreeSet<>(seen));
        String cursor = first.json().at("/_links/next/href").asText().replaceAll(".*cursor=", "");
        TestApi.Response other = api.get("/v1/events?size=2&startDate=2024-02-01T00:00:00Z&exclude=source:github&cursor=" + cursor);
        assertEquals(400, other.status(), other.body());
    }

    @Test
    void badExclusionsAreNamed() {
        for (String bad : List.of("eventType", "eventType:", "clientIp:10.0.0.1", "nosuch:x", ":login")) {
            TestApi.Response response = api.get("/v1/events?exclude=" + bad);
            assertEquals(400, response.status(), bad);
            assertEquals("exclude", response.json().at("/errors/0/field").asText(), response.body());
            assertTrue(response.json().at("/errors/0/message").asText().contains("must be <filter>:<value> with a filter among"
                    + " appId, category, eventType, organizationId, requestId, source, type, userId"), response.body());
        }
    }
}
