package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.generate.ExportGenerator;
import io.logsearch.indexer.generate.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
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
    private static TestApi api;
    private static long failures;

    @BeforeAll
    static void load(TestElasticsearch es) throws Exception {
        api = TestApi.start(es, cfg -> { });
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource("thousandeyes").write(new GeneratorSpec(EVENTS, 10, 3, UNTIL), export);
        assertEquals(EVENTS, api.load("thousandeyes", SourceContext.EMPTY, export.toString(java.nio.charset.StandardCharsets.UTF_8)).indexed());
        failures = api.get("/v1/events?size=1&success=false").json().at("/total/value").asLong();
        assertTrue(failures > 0 && failures < EVENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
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
        TestApi.Response csv = api.get("/v1/events/export?format=csv&success=false");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertEquals("@timestamp,event.action,event.outcome,user.id,user.full_name,user.email,client.ip,client.address,organization.id,event.dataset,message", rows[0]);
        assertEquals(failures + 1, rows.length);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i].contains(",failure,"), rows[i]);
            assertTrue(rows[i].contains(",thousandeyes.audit,"), rows[i]);
        }
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
