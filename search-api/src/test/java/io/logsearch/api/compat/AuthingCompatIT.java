package io.logsearch.api.compat;

import static io.logsearch.api.compat.Records.assertSameRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /compat/authing/api/v3/get-user-action-logs} over loaded Authing exports. */
@ExtendWith(RealElasticsearch.class)
class AuthingCompatIT {

    private static final String PATH = "/compat/authing/api/v3/get-user-action-logs";
    private static TestApi api;
    private static VendorExport export;

    @BeforeAll
    static void load(TestElasticsearch es) {
        Instant until = Instant.parse("2025-09-15T00:00:00Z");
        export = VendorExport.generate("authing", 420, 20, 3, until);
        api = TestApi.start(es, cfg -> { });
        api.load("authing", SourceContext.EMPTY, export.text());
        api.load("onehub", SourceContext.EMPTY, VendorExport.generate("onehub", 30, 20, 3, until).text());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Authing's timestamp: ISO-8601 text or epoch milliseconds, as text or number. */
    static Instant timestamp(JsonNode record) {
        JsonNode value = record.path("timestamp");
        String text = value.asText();
        return value.isNumber() || text.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    }

    private static TestApi.Response post(String body, String... headers) {
        return api.post(PATH, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Every page of a query, by page number; {@code filters} is the DTO's JSON without pagination. */
    private static List<JsonNode> walk(String filters, int limit, String... headers) {
        List<JsonNode> records = new ArrayList<>();
        String prefix = filters.isEmpty() ? "{" : filters.substring(0, filters.lastIndexOf('}')) + ",";
        for (int page = 1; ; page++) {
            TestApi.Response response = post(prefix + "\"pagination\":{\"page\":" + page + ",\"limit\":" + limit + "}}", headers);
            assertEquals(200, response.status(), response.body());
            JsonNode json = response.json();
            assertEquals(200, json.path("statusCode").asInt());
            assertEquals("", json.path("message").asText());
            assertFalse(json.path("requestId").asText().isBlank());
            JsonNode list = json.at("/data/list");
            assertTrue(list.size() <= limit);
            list.forEach(records::add);
            if ((long) page * limit >= json.at("/data/totalCount").asLong()) {
                return records;
            }
        }
    }

    private static List<JsonNode> expected(Predicate<JsonNode> filter) {
        return export.nodes().stream().filter(filter).toList();
    }

    private static String mostCommon(String field) {
        return export.nodes().stream().collect(Collectors.groupingBy(r -> r.path(field).asText(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void everyRecordComesBackAsLoadedNewestFirstPageByPage() {
        List<JsonNode> records = walk("", 50);
        assertSameRecords(export.nodes(), records);
        Records.assertNewestFirst(records, AuthingCompatIT::timestamp);
        JsonNode firstPage = post("{}").json();
        assertEquals(420, firstPage.at("/data/totalCount").asInt());
        assertEquals(10, firstPage.at("/data/list").size(), "ten per page unless a limit is given");
    }

    @Test
    void eachFilterOfTheDto() {
        String eventType = mostCommon("eventType");
        assertSameRecords(expected(r -> r.path("eventType").asText().equals(eventType)), walk("{\"eventType\":\"" + eventType + "\"}", 50));
        String userId = mostCommon("userId");
        assertSameRecords(expected(r -> r.path("userId").asText().equals(userId)), walk("{\"userId\":\"" + userId + "\"}", 20));
        String appId = mostCommon("appId");
        assertSameRecords(expected(r -> r.path("appId").asText().equals(appId)), walk("{\"appId\":\"" + appId + "\"}", 50));
        String clientIp = export.nodes().get(7).path("clientIp").asText();
        assertSameRecords(expected(r -> r.path("clientIp").asText().equals(clientIp)), walk("{\"clientIp\":\"" + clientIp + "\"}", 50));
        String requestId = export.nodes().get(3).path("requestId").asText();
        assertSameRecords(List.of(export.nodes().get(3)), walk("{\"requestId\":\"" + requestId + "\"}", 10));
        assertSameRecords(expected(r -> !r.path("success").asBoolean()), walk("{\"success\":false}", 50));
        assertFalse(expected(r -> !r.path("success").asBoolean()).isEmpty(), "the export has failures");
    }

    @Test
    void startAndEndAreInclusiveEpochMilliseconds() {
        List<Instant> times = export.nodes().stream().map(AuthingCompatIT::timestamp).sorted().toList();
        Instant start = times.get(60);
        Instant end = times.get(300);
        assertSameRecords(expected(r -> !timestamp(r).isBefore(start) && !timestamp(r).isAfter(end)),
                walk("{\"start\":" + start.toEpochMilli() + ",\"end\":" + end.toEpochMilli() + "}", 50));
        assertSameRecords(expected(r -> !timestamp(r).isBefore(start)), walk("{\"start\":" + start.toEpochMilli() + "}", 50));
    }

    @Test
    void theUserPoolHeaderNarrowsToThatPool() {
        String pool = export.records().get(0).context().get("userPoolId");
        List<JsonNode> expected = export.records().stream().filter(r -> r.context().get("userPoolId").equals(pool))
                .map(VendorExport.VendorRecord::record).toList();
        assertFalse(expected.isEmpty());
        assertSameRecords(expected, walk("", 50, "x-authing-userpool-id", pool));
    }

    @Test
    void invalidInputIsA400InAuthingsEnvelope() {
        for (String body : List.of("{\"pagination\":{\"limit\":51}}", "{\"pagination\":{\"limit\":0}}", "{\"pagination\":{\"page\":0}}",
                "{\"pagination\":{\"page\":\"one\"}}", "{\"pagination\":{\"page\":\"2\"}}", "{\"pagination\":{\"page\":true}}",
                "{\"pagination\":{\"page\":1.5}}", "{\"pagination\":{\"page\":18446744073709551617}}",
                "{\"pagination\":{\"page\":2147483648}}", "{\"pagination\":{\"limit\":4294967306}}", "{\"pagination\":{\"limit\":[10]}}",
                "{\"pagination\":5}", "{\"pagination\":\"1\"}", "{\"pagination\":[1,10]}", "{\"pagination\":true}",
                "{\"pagination\":{\"page\":1,\"size\":10}}",
                "{\"start\":\"yesterday\"}", "{\"start\":\"1700000000000\"}", "{\"start\":2000,\"end\":1000}",
                "{\"start\":99999999999999999999}", "{\"end\":-1}", "{\"start\":1.5}", "{\"end\":1e300}", "{\"end\":253402300800000}",
                "{\"start\":true}", "{\"start\":{}}", "{\"start\":" + (Instant.now().toEpochMilli() + 86_400_000L) + "}",
                "{\"success\":\"yes\"}", "{\"success\":\"true\"}", "{\"success\":1}", "{\"success\":[true]}",
                "{\"userId\":42}", "{\"eventType\":[\"login\"]}", "{\"appId\":{}}", "{\"requestId\":true}", "{\"clientIp\":7}",
                "{\"clientIp\":\"not-an-ip\"}", "{\"colour\":\"red\"}", "[1,2]", "5", "\"text\"", "{not json")) {
            TestApi.Response response = post(body);
            assertEquals(200, response.status(), body);
            assertEquals("application/json", response.header("Content-Type"));
            JsonNode json = response.json();
            assertEquals(400, json.path("statusCode").asInt(), body);
            assertFalse(json.path("message").asText().isBlank(), body);
        }
        assertTrue(post("{\"pagination\":{\"page\":18446744073709551617}}").json().path("message").asText().contains("pagination.page"));
        assertTrue(post("{\"pagination\":5}").json().path("message").asText().contains("pagination must be an object"));
    }

    @Test
    void numbersAreReadAsJavaScriptReadsThemAndNullsAsAbsent() {
        JsonNode wholeAsDecimal = post("{\"pagination\":{\"page\":2.0,\"limit\":2e1}}").json();
        JsonNode whole = post("{\"pagination\":{\"page\":2,\"limit\":20}}").json();
        assertEquals(200, wholeAsDecimal.path("statusCode").asInt(), wholeAsDecimal.toString());
        assertEquals(whole.at("/data/list"), wholeAsDecimal.at("/data/list"));
        assertEquals(20, wholeAsDecimal.at("/data/list").size());
        JsonNode nulls = post("{\"pagination\":null,\"start\":null,\"success\":null,\"userId\":null}").json();
        assertEquals(420, nulls.at("/data/totalCount").asInt());
        assertEquals(10, nulls.at("/data/list").size());
    }

    @Test
    void theEarliestAndLatestMillisecondsAreServedWithoutLimit() {
        assertSameRecords(export.nodes(), walk("{\"start\":0,\"end\":253402300799999}", 50));
        assertSameRecords(export.nodes(), walk("{\"end\":253402300799999}", 50));
        assertSameRecords(export.nodes(), walk("{\"start\":0}", 50));
        TestApi.Response future = post("{\"start\":253402300799999}");
        assertEquals(400, future.json().path("statusCode").asInt(), "a start after now, where end defaults to now");
        assertTrue(future.json().path("message").asText().contains("start is in the future"), future.body());
    }

    @Test
    void aPageAfterTheLastIsEmptyHoweverFar() {
        for (String pagination : List.of("{\"page\":10,\"limit\":50}", "{\"page\":201,\"limit\":50}", "{\"page\":2147483647,\"limit\":50}")) {
            TestApi.Response response = post("{\"pagination\":" + pagination + "}");
            assertEquals(200, response.status(), pagination + ": " + response.body());
            assertEquals(420, response.json().at("/data/totalCount").asInt());
            assertTrue(response.json().at("/data/list").isEmpty(), pagination);
        }
    }
}
