package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/ingest/{source}}: the formats of {@code load}, its counts, duplicates, context and limits. */
@ExtendWith(RealElasticsearch.class)
class IngestIT {

    private static final String PAGE = """
            {"auditEvents":[{"accountGroupName":"API Sandbox","aid":"1234","date":"2020-07-17T21:54:54Z","event":"Report created.","ipAddress":"99.128.0.0/11","uid":"1234","user":"API Sandbox User (noreply@thousandeyes.com)","resources":[{"name":"My New report","type":"reportTitle"},{"name":"Other Report","type":"testName"}]},{"accountGroupName":"API Sandbox","aid":"1234","date":"2020-07-17T22:00:54Z","event":"Login failed.","ipAddress":"99.128.0.0/11","uid":"1234","user":"API Sandbox User (noreply@thousandeyes.com)"}],"_links":{"self":{"href":"https://api.thousandeyes.com/v7/audit-user-events"}}}
            """;
    private static TestApi api;

    @BeforeAll
    static void start(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> cfg.maxIngestBytes = 64 * 1024);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static TestApi.Response ingest(String path, byte[] body, String... headers) {
        return api.post(path, body, headers);
    }

    @Test
    void aVendorPageIsIngestedOnceAndThenCountsAsDuplicates() throws IOException {
        JsonNode first = ingest("/v1/ingest/thousandeyes", PAGE.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json").json();
        assertEquals(2, first.get("read").asInt());
        assertEquals(2, first.get("indexed").asInt());
        assertEquals(0, first.get("rejected").asInt());
        JsonNode second = ingest("/v1/ingest/thousandeyes", PAGE.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json").json();
        assertEquals(0, second.get("indexed").asInt());
        assertEquals(2, second.get("duplicates").asInt());
        api.refresh();
        assertEquals(1, api.get("/v1/events?source=thousandeyes&success=false").json().at("/total/value").asInt());
    }

    @Test
    void gzippedNdjsonWithContextParameters() throws IOException {
        String history = """
                {"timestamp":"2024-05-01T10:00:00Z","event_type":"asset_viewed","asset_id":"a1","asset_name":"Q1 report"}
                {"timestamp":"2024-05-01T10:05:00Z","event_type":"asset_shared","asset_id":"a1","asset_name":"Q1 report","event_labels":["external"]}
                """;
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(history.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode result = ingest("/v1/ingest/actionhub?userId=u-9&programId=prog-3", gz.toByteArray(),
                "Content-Type", "application/x-ndjson", "Content-Encoding", "gzip").json();
        assertEquals(2, result.get("indexed").asInt(), result.toString());
        api.refresh();
        JsonNode events = api.get("/v1/events?source=actionhub&userId=u-9&organizationId=prog-3").json();
        assertEquals(2, events.at("/total/value").asInt());
    }

    @Test
    void aBodyWhoseEveryRecordIsRejectedIsA422ProblemWithTheCountsAndTheFirstReasons() {
        String body = "{\"timestamp\":\"2024-05-01T10:00:00Z\",\"event_type\":\"x\",\"asset_id\":\"a\",\"asset_name\":\"b\"}\n{\"timestamp\":\"nope\"}\n{broken\n";
        TestApi.Response response = ingest("/v1/ingest/actionhub?programId=p-1", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        JsonNode problem = response.json();
        assertEquals(3, problem.get("read").asInt());
        assertEquals(3, problem.get("rejected").asInt());
        assertEquals(0, problem.get("indexed").asInt());
        assertEquals(0, problem.get("duplicates").asInt());
        assertEquals(3, problem.get("errors").size());
        assertEquals("record 1", problem.at("/errors/0/field").asText().replaceAll(" \\(.*", ""));
        assertEquals("missing context 'userId': give it as the userId query parameter, or in a wrapper object next to the records",
                problem.at("/errors/0/message").asText(), "an ingest parameter, not a command-line flag");
        assertTrue(problem.get("detail").asText().startsWith("All 3 records of the body were rejected"), problem.toString());
        assertTrue(problem.at("/errors/2/message").asText().startsWith("invalid JSON"), problem.toString());
        assertEquals("record 3 (line 3, column 1)", problem.at("/errors/2/field").asText());
        assertFalse(response.body().contains("command line"), response.body());
    }

    @Test
    void aPartialRejectionIs200WithTheCountsAndReasons() {
        String body = "{\"timestamp\":\"2024-05-02T10:00:00Z\",\"event_type\":\"x\",\"asset_id\":\"a\",\"asset_name\":\"partial\"}\n{broken\n";
        TestApi.Response response = ingest("/v1/ingest/actionhub?userId=u-partial&programId=p-partial", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        JsonNode result = response.json();
        assertEquals(2, result.get("read").asInt());
        assertEquals(1, result.get("indexed").asInt());
        assertEquals(1, result.get("rejected").asInt());
        assertEquals("record 2 (line 2, column 1)", result.at("/errors/0/position").asText());
        assertTrue(result.at("/errors/0/reason").asText().startsWith("invalid JSON"), result.toString());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] big = ("[" + "{\"date\":\"2020-07-17T21:54:54Z\",\"event\":\"x\"},".repeat(2000) + "{}]").getBytes(StandardCharsets.UTF_8);
        TestApi.Response response = ingest("/v1/ingest/thousandeyes", big, "Content-Type", "application/json");
        assertEquals(413, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    @Test
    void aStreamedBodyOverTheLimitKeepsTheRecordsBeforeIt() throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; ndjson.length() < 100 * 1024; i++) {
            ndjson.append("{\"@timestamp\":\"2021-06-01T00:00:00Z\",\"event\":{\"id\":\"big-").append(i)
                    .append("\",\"action\":\"streamed\",\"provider\":\"bigsender\"},\"message\":\"").append("x".repeat(200)).append("\"}\n");
        }
        // streamed: no Content-Length, so the limit is found while reading
        TestApi.Response response = api.postStreamed("/v1/ingest/ecs", ndjson.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-ndjson");
        assertEquals(413, response.status(), response.body());
        String detail = response.json().get("detail").asText();
        Matcher indexed = Pattern.compile("(\\d+) were indexed").matcher(detail);
        assertTrue(indexed.find(), detail);
        long kept = Long.parseLong(indexed.group(1));
        assertTrue(kept > 0 && kept < 500, detail);
        api.refresh();
        assertEquals(kept, api.get("/v1/events?source=bigsender&size=1").json().at("/total/value").asLong(),
                "the records before the limit are indexed, as the 413 says");
    }

    @Test
    void aBodyThatInflatesPastSixteenTimesTheLimitIs413() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
            byte[] blank = new byte[64 * 1024];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (int i = 0; i < 17; i++) {
                out.write(blank);
            }
        }
        assertTrue(bomb.size() < 64 * 1024, "small as sent: " + bomb.size());
        TestApi.Response response = ingest("/v1/ingest/thousandeyes", bomb.toByteArray(), "Content-Encoding", "gzip");
        assertEquals(413, response.status(), response.body());
        assertTrue(response.json().get("detail").asText().contains("decompresses to more than 1 MB"), response.body());
    }

    @Test
    void onlyGzipOrNoEncodingIsAccepted() throws IOException {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        TestApi.Response brotli = ingest("/v1/ingest/thousandeyes", page, "Content-Encoding", "br");
        assertEquals(415, brotli.status(), brotli.body());
        assertEquals("Content-Encoding", brotli.json().at("/errors/0/field").asText());
        assertEquals(400, ingest("/v1/ingest/thousandeyes", page, "Content-Encoding", "gzip").status(), "not gzip despite the header");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(page);
        }
        assertEquals(415, ingest("/v1/ingest/thousandeyes", gz.toByteArray()).status(), "gzip without the header");
        assertEquals(200, ingest("/v1/ingest/thousandeyes", gz.toByteArray(), "Content-Encoding", "GZIP").status());
        assertEquals(200, ingest("/v1/ingest/thousandeyes", page, "Content-Encoding", "identity").status());
    }

    @Test
    void aDamagedGzipBodyIsABadRequest() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        byte[] garbled = whole.clone();
        for (int i = 10; i < garbled.length; i++) {
            garbled[i] = (byte) 0xff;
        }
        Map<String, byte[]> damaged = Map.of(
                "empty", new byte[0],
                "cut inside the gzip header", Arrays.copyOf(whole, 5),
                "deflate data garbled", garbled);
        for (Map.Entry<String, byte[]> body : damaged.entrySet()) {
            TestApi.Response response = ingest("/v1/ingest/thousandeyes", body.getValue(), "Content-Encoding", "gzip");
            assertEquals(400, response.status(), body.getKey() + ": " + response.body());
            assertEquals("Content-Encoding", response.json().at("/errors/0/field").asText(), body.getKey());
        }
    }

    @Test
    void anEcsProducersOwnSourceIsSearchable() throws IOException {
        String okta = "{\"@timestamp\":\"2022-02-02T00:00:00Z\",\"event\":{\"id\":\"okta-1\",\"action\":\"user.session.start\","
                + "\"provider\":\"okta\",\"dataset\":\"okta.system\"}}";
        assertEquals(1, ingest("/v1/ingest/ecs", okta.getBytes(StandardCharsets.UTF_8)).json().get("indexed").asInt());
        api.refresh();
        JsonNode sources = api.get("/v1/events/top?field=source&size=100").json().get("buckets");
        assertTrue(sources.findValuesAsText("value").contains("okta"), sources.toString());
        assertEquals(List.of("okta-1"), TestApi.ids(api.get("/v1/events?source=okta")));
    }

    @Test
    void anUnknownSourceOrParameterIsRefused() {
        assertEquals(404, ingest("/v1/ingest/splunk", "{}".getBytes(StandardCharsets.UTF_8)).status());
        TestApi.Response unknown = ingest("/v1/ingest/thousandeyes?user=1", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unknown.status());
        assertEquals("user", unknown.json().at("/errors/0/field").asText());
    }
}
