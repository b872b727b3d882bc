package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.storage.EventSearch;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Histogram, top values and export over generated ThousandEyes events (more than 10,000 of them). */
@ExtendWith(RealElasticsearch.class)
class AggregationsAndExportIT {

    private static final int EVENTS = 12_000;
    private static final Instant UNTIL = Instant.parse("2025-02-01T00:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestApi api;
    /** A few events far apart in time, with the text CSV must quote or defuse, in a base of their own. */
    private static TestApi oddities;
    private static long failures;
    private static String base;

    @BeforeAll
    static void load(TestElasticsearch es) throws Exception {
        api = TestApi.start(es, cfg -> { });
        base = es.indexBase();
        oddities = TestApi.start(new TestElasticsearch(es.url(), es.indexBase() + "-oddities"), cfg -> { });
        assertEquals(5, oddities.loadEcs(List.of(
                oddity("o1", "0001-01-01T00:00:00Z", "=HYPERLINK(\\\"http://x\\\")", "failure",
                        "\"user\":{\"name\":\"jdoe\",\"full_name\":\"Doe, Jane\",\"email\":\"jane@example.com\"},"
                                + "\"client\":{\"ip\":\"10.0.0.1\",\"address\":\"10.0.0.1\"},\"organization\":{\"id\":\"+1\",\"name\":\"Acme\"},"
                                + "\"message\":\"said \\\"hi\\\"\\nand left\""),
                oddity("o2", "1970-01-01T00:00:00Z", "-rm", "success", "\"user\":{\"id\":\"@admin\"},\"message\":\"\\ttabbed\""),
                oddity("o3", "2000-06-15T12:00:00Z", "plain", "success", "\"message\":\"\\rcarriage\""),
                oddity("o4", "2025-01-01T00:00:00Z", "login", "success", "\"message\":\"ok\""),
                oddity("o5", "9999-12-31T23:59:59Z", "logout", "success", "\"message\":\"last\""))).indexed());
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(EVENTS, 10, 3, UNTIL), export);
        assertEquals(EVENTS, api.load("thousandeyes", SourceContext.EMPTY, export.toString(java.nio.charset.StandardCharsets.UTF_8)).indexed());
        failures = api.get("/v1/events?size=1&success=false").json().at("/total/value").asLong();
        assertTrue(failures > 0 && failures < EVENTS);
    }

    private static String oddity(String id, String timestamp, String action, String outcome, String fields) {
        return "{\"@timestamp\":\"" + timestamp + "\",\"event\":{\"id\":\"" + id + "\",\"action\":\"" + action
                + "\",\"outcome\":\"" + outcome + "\",\"dataset\":\"csv.test\"}," + fields + "}";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        oddities.close();
    }

    @Test
    void histogramCountsEveryEventOnceSplitByOutcome() {
        JsonNode body = api.get("/v1/events/histogram?interval=1d&startDate=2025-01-22T00:00:00Z&endDate=2025-01-31T23:59:59Z").json();
        assertEquals("1d", body.get("interval").asText());
        assertEquals(10, body.get("buckets").size());
        long total = 0;
        long failed = 0;
        for (JsonNode bucket : body.get("buckets")) {
            total += bucket.get("count").asLong();
            failed += bucket.get("failure").asLong();
            assertTrue(bucket.get("success").asLong() + bucket.get("failure").asLong() <= bucket.get("count").asLong());
        }
        assertEquals(EVENTS, total);
        assertEquals(failures, failed);
        assertEquals("2025-01-22T00:00:00Z", body.at("/buckets/0/start").asText());
    }

    @Test
    void autoIntervalFollowsTheRange() {
        assertEquals("1m", api.get("/v1/events/histogram?startDate=2025-01-31T00:00:00Z&endDate=2025-01-31T02:00:00Z").json().get("interval").asText());
        assertEquals("5m", api.get("/v1/events/histogram?startDate=2025-01-31T00:00:00Z&endDate=2025-01-31T20:00:00Z").json().get("interval").asText());
        assertEquals("1h", api.get("/v1/events/histogram?startDate=2025-01-25T00:00:00Z&endDate=2025-01-31T00:00:00Z").json().get("interval").asText());
        JsonNode all = api.get("/v1/events/histogram").json();
        assertEquals("1h", all.get("interval").asText(), "without a range the data's own span decides");
        assertEquals(EVENTS, sum(all));
    }

    @Test
    void autoKeepsEventsCenturiesApartWithinTheBucketLimit() {
        JsonNode all = oddities.get("/v1/events/histogram").json();
        assertEquals("3650d", all.get("interval").asText(), "years 0001 to 9999: decades");
        assertEquals(5, sum(all));
        assertTrue(all.get("buckets").size() <= 5_000, all.get("buckets").size() + " buckets");
        assertEquals("0000-01-01T00:00:00Z", all.at("/buckets/0/start").asText(), "no bucket starts before the year 0000");

        JsonNode decades = oddities.get("/v1/events/histogram?startDate=1970-01-01T00:00:00Z&endDate=2025-12-31T00:00:00Z").json();
        assertEquals("365d", decades.get("interval").asText());
        assertEquals(3, sum(decades));
        assertEquals(3, oddities.get("/v1/events/histogram?interval=30d&startDate=1970-01-01T00:00:00Z&endDate=2025-12-31T00:00:00Z").json()
                .get("buckets").findValues("count").stream().mapToLong(JsonNode::asLong).sum(), "explicit larger intervals");

        TestApi.Response daily = oddities.get("/v1/events/histogram?interval=1d");
        assertEquals(400, daily.status(), "an explicit interval is never changed behind the caller's back");
        assertEquals("interval", daily.json().at("/errors/0/field").asText());
        assertTrue(daily.json().at("/errors/0/message").asText().contains("choose a larger interval"), daily.body());
    }

    @Test
    void anEndDateAloneReachesBackToTheEarliestEvent() {
        JsonNode events = oddities.get("/v1/events?endDate=2001-01-01T00:00:00Z").json();
        List<String> ids = new ArrayList<>();
        events.get("events").forEach(event -> ids.add(event.at("/event/id").asText()));
        assertEquals(List.of("o3", "o2", "o1"), ids);
        assertEquals("0000-01-01T00:00:00Z", events.get("startDate").asText());
        assertEquals(3, sum(oddities.get("/v1/events/histogram?endDate=2001-01-01T00:00:00Z").json()));
    }

    @Test
    void anyIntervalOfAWholeNumberAndAUnit() {
        JsonNode quarters = api.get("/v1/events/histogram?interval=15m&startDate=2025-01-31T00:00:00Z&endDate=2025-01-31T01:59:59.999Z").json();
        assertEquals("15m", quarters.get("interval").asText());
        assertEquals(8, quarters.get("buckets").size());
        assertEquals("2025-01-31T00:15:00Z", quarters.at("/buckets/1/start").asText());
        JsonNode halfDays = api.get("/v1/events/histogram?interval=12h&startDate=2025-01-22T00:00:00Z&endDate=2025-01-31T23:59:59.999Z").json();
        assertEquals(20, halfDays.get("buckets").size());
        assertEquals(api.get("/v1/events?size=1&startDate=2025-01-22T00:00:00Z&endDate=2025-01-31T23:59:59.999Z").json().at("/total/value").asLong(),
                sum(halfDays));

        TestApi.Response unitless = api.get("/v1/events/histogram?interval=15");
        assertEquals(400, unitless.status());
        assertEquals("must be auto or a whole number with a unit s, m, h, d or w (30s, 15m, 12h, 1d, 2w), not '15'",
                unitless.json().at("/errors/0/message").asText());
        TestApi.Response tooFine = api.get("/v1/events/histogram?interval=30s&startDate=2025-01-01T00:00:00Z&endDate=2025-01-31T00:00:00Z");
        assertEquals(400, tooFine.status());
        assertEquals("'30s' makes 86401 buckets over this range, more than 5000; choose a larger interval, a shorter range, or auto",
                tooFine.json().at("/errors/0/message").asText());
    }

    @Test
    void aRangeNoPartitionHoldsIsAnEmptyHistogramAndNoTopValues() {
        TestApi.Response histogram = api.get("/v1/events/histogram?interval=12h&startDate=2090-01-01T00:00:00Z&endDate=2090-01-02T23:59:59Z");
        assertEquals(200, histogram.status(), histogram.body());
        JsonNode buckets = histogram.json().get("buckets");
        assertEquals(4, buckets.size(), buckets.toString());
        assertEquals("2090-01-01T12:00:00Z", buckets.at("/1/start").asText());
        assertEquals(0, sum(histogram.json()));
        TestApi.Response top = api.get("/v1/events/top?field=userId&startDate=2090-01-01T00:00:00Z&endDate=2090-01-02T23:59:59Z");
        assertEquals(200, top.status(), top.body());
        assertEquals(0, top.json().get("buckets").size());
    }

    @Test
    void histogramFiltersApply() {
        assertEquals(failures, sum(api.get("/v1/events/histogram?success=false&interval=1d").json()));
    }

    @Test
    void tooManyBucketsIsAClearError() {
        TestApi.Response response = api.get("/v1/events/histogram?interval=1m&startDate=2020-01-01T00:00:00Z&endDate=2025-01-01T00:00:00Z");
        assertEquals(400, response.status());
        assertEquals("interval", response.json().at("/errors/0/field").asText());
    }

    @Test
    void topValuesOfEveryField() {
        for (String field : List.of("eventType", "userId", "clientIp", "organizationId", "source", "appId")) {
            TestApi.Response response = api.get("/v1/events/top?field=" + field + "&size=5");
            assertEquals(200, response.status(), field + ": " + response.body());
            assertEquals(field, response.json().get("field").asText());
        }
        JsonNode sources = api.get("/v1/events/top?field=source").json().get("buckets");
        assertEquals("thousandeyes", sources.at("/0/value").asText());
        assertEquals(EVENTS, sources.at("/0/count").asLong());
        JsonNode actions = api.get("/v1/events/top?field=eventType&size=100").json().get("buckets");
        long counted = 0;
        long previous = Long.MAX_VALUE;
        for (JsonNode bucket : actions) {
            assertTrue(bucket.get("count").asLong() <= previous, "most frequent first");
            previous = bucket.get("count").asLong();
            counted += previous;
        }
        assertEquals(EVENTS, counted);
        assertEquals(0, api.get("/v1/events/top?field=appId").json().get("buckets").size(), "ThousandEyes has no app ids");
        assertTrue(api.get("/v1/events/top?field=clientIp&size=3").json().at("/buckets/0/value").asText().matches("[0-9a-f:.]+"));
        assertEquals(400, api.get("/v1/events/top").status());
        assertEquals(400, api.get("/v1/events/top?field=message").status());
    }

    @Test
    void exportStreamsEveryMatchPastTenThousand() {
        TestApi.Response ndjson = api.get("/v1/events/export");
        assertEquals(200, ndjson.status());
        String[] lines = ndjson.body().split("\n");
        assertEquals(EVENTS, lines.length);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode event = TestApi.JSON.valueToTree(parse(line));
            ids.add(event.at("/event/id").asText());
            assertTrue(event.at("/event/original").isMissingNode());
        }
        assertEquals(EVENTS, ids.size());
    }

    @Test
    void csvExportHasTheColumnsAndQuotes() {
        String header = "@timestamp,event.provider,event.action,event.outcome,user.id,user.name,user.full_name,user.email,"
                + "client.ip,client.address,organization.id,organization.name,event.dataset,message";
        TestApi.Response csv = api.get("/v1/events/export?format=csv&success=false");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertEquals("attachment; filename=\"" + base + ".csv\"", csv.header("Content-Disposition"), "no range, no bounds in the name");
        String[] rows = csv.body().split("\r\n");
        assertEquals(header, rows[0]);
        assertEquals(failures + 1, rows.length);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i].contains(",thousandeyes,"), rows[i]);
            assertTrue(rows[i].contains(",failure,"), rows[i]);
            assertTrue(rows[i].contains(",thousandeyes.audit,"), rows[i]);
        }
        assertEquals("attachment; filename=\"" + base + "_2025-01-31T00-00-00Z_2025-01-31T23-59-59.999Z.ndjson\"",
                api.get("/v1/events/export?startDate=2025-01-31T00:00:00Z&endDate=2025-01-31T23:59:59.999Z").header("Content-Disposition"));

        assertEquals(header + "\r\n"
                + "9999-12-31T23:59:59Z,ecs,logout,success,,,,,,,,,csv.test,last\r\n"
                + "2025-01-01T00:00:00Z,ecs,login,success,,,,,,,,,csv.test,ok\r\n"
                + "2000-06-15T12:00:00Z,ecs,plain,success,,,,,,,,,csv.test,\"'\rcarriage\"\r\n"
                + "1970-01-01T00:00:00Z,ecs,'-rm,success,'@admin,,,,,,,,csv.test,'\ttabbed\r\n"
                + "0001-01-01T00:00:00Z,ecs,\"'=HYPERLINK(\"\"http://x\"\")\",failure,,jdoe,\"Doe, Jane\",jane@example.com,10.0.0.1,10.0.0.1,'+1,"
                + "Acme,csv.test,\"said \"\"hi\"\"\nand left\"\r\n",
                oddities.get("/v1/events/export?format=csv").body(),
                "commas, quotes and line breaks quoted; cells starting with = + - @ tab or CR defused with '");
    }

    @Test
    void anExportThatFailsAfterItsBodyStartedIsBrokenOffNotFinishedWithAProblem(TestElasticsearch es) throws Exception {
        try (CuttableProxy proxy = CuttableProxy.to(es.url()); TestApi viaProxy = TestApi.start(es, proxy.url(), cfg -> { })) {
            proxy.cutAtSearch(2);
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(viaProxy.base + "/v1/events/export")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            assertThrows(IOException.class, () -> {
                try (InputStream body = response.body()) {
                    body.transferTo(received);
                }
            }, "the client sees a broken transfer");
            String[] lines = received.toString(StandardCharsets.UTF_8).split("\n");
            assertTrue(lines.length > 1 && lines.length < EVENTS, lines.length + " lines before the break");
            for (int i = 0; i < lines.length - 1; i++) {
                JsonNode event = TestApi.JSON.readTree(lines[i]);
                assertTrue(event.at("/event/id").isTextual(), "every complete line is an event, no problem appended: " + lines[i]);
            }

            proxy.cutAtSearch(1);
            TestApi.Response before = viaProxy.get("/v1/events/export?format=csv");
            assertEquals(503, before.status(), "nothing sent yet: an ordinary problem");
            assertTrue(before.header("Content-Type").startsWith("application/problem+json"), before.header("Content-Type"));
            assertNull(before.header("Content-Disposition"), "a problem is not offered as events.csv");
        }
    }

    @Test
    void theFirstPageCountsEveryMatchLaterPagesKeepTheBound() {
        JsonNode first = api.get("/v1/events?size=1").json();
        assertEquals(EVENTS, first.at("/total/value").asInt(), "exact past 10,000, as Discover shows it");
        assertEquals("eq", first.at("/total/relation").asText());
        JsonNode second = api.follow(first.at("/_links/next/href").asText()).json();
        assertEquals(EventSearch.TRACK_TOTAL_UP_TO, second.at("/total/value").asInt());
        assertEquals("gte", second.at("/total/relation").asText());
        JsonNode below = api.get("/v1/events?size=1&success=false").json().get("total");
        assertEquals("eq", below.get("relation").asText());
        String[] exported = api.get("/v1/events/export?success=false").body().split("\n");
        assertEquals(exported.length, below.get("value").asInt(), "an exact total counts every match");
    }

    private static long sum(JsonNode histogram) {
        long total = 0;
        for (JsonNode bucket : histogram.get("buckets")) {
            total += bucket.get("count").asLong();
        }
        return total;
    }

    private static Object parse(String line) {
        try {
            return TestApi.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
