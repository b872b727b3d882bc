package io.logsearch.api.compat;

import static io.logsearch.api.compat.Records.assertNewestFirst;
import static io.logsearch.api.compat.Records.assertSameRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.elasticsearch.EsEventStore;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.mappings.Partitioning;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /compat/actionhub/users/{user_id}/events} over loaded ActionHub histories. */
@ExtendWith(RealElasticsearch.class)
class ActionHubCompatIT {

    private static final String BIG_USER = "7d1c1f0e-big-history";
    private static final String BIG_PROGRAM = "compliance-2025";
    private static final int BIG_HISTORY = 2_345;
    private static TestApi api;
    private static VendorExport export;
    private static VendorExport big;

    @BeforeAll
    static void load(TestElasticsearch es) {
        Instant until = Instant.parse("2025-06-01T00:00:00Z");
        export = VendorExport.generate("actionhub", 600, 60, 11, until);
        big = VendorExport.of("actionhub", bigHistory(until));
        api = TestApi.start(es, cfg -> { });
        api.load("actionhub", SourceContext.EMPTY, export.text());
        api.load("actionhub", SourceContext.EMPTY, big.text());
        api.load("thousandeyes", SourceContext.EMPTY, VendorExport.generate("thousandeyes", 50, 60, 11, until).text());
    }

    /** One user's history longer than a page, as the vendor returns it: newest first. */
    private static String bigHistory(Instant until) {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < BIG_HISTORY; i++) {
            if (i > 0) {
                history.append(',');
            }
            history.append("""
                    {"timestamp":"%s","event_type":"%s","asset_id":"ast_%06d","asset_name":"Module %d <b>&amp; quiz</b>","event_labels":["web"],"asset_labels":[]}"""
                    .formatted(until.minusSeconds(37L * i + 1).plusNanos(123_000).toString(), i % 7 == 0 ? "quiz_failed" : "asset_viewed", i, i));
        }
        return "{\"user_id\":\"" + BIG_USER + "\",\"program_id\":\"" + BIG_PROGRAM + "\",\"history\":[" + history + "]}\n";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static TestApi.Response events(String user, String program) {
        return api.get("/compat/actionhub/users/" + user + "/events", "program-id", program);
    }

    private static List<JsonNode> history(TestApi.Response response) {
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.header("Content-Type"));
        List<JsonNode> records = new ArrayList<>();
        response.json().get("history").forEach(records::add);
        return records;
    }

    private static Instant millis(JsonNode record) {
        return Instant.parse(record.path("timestamp").asText()).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void everyUsersHistoryInEachProgramComesBackAsLoadedNewestFirst() {
        Map<String, List<VendorExport.VendorRecord>> byEnrollment = export.records().stream()
                .collect(Collectors.groupingBy(r -> r.context().get("user_id") + "|" + r.context().get("program_id")));
        assertTrue(byEnrollment.size() > 10, "the export has many enrollments");
        byEnrollment.forEach((key, records) -> {
            String[] parts = key.split("\\|");
            List<JsonNode> history = history(events(parts[0], parts[1]));
            assertSameRecords(records.stream().map(VendorExport.VendorRecord::record).toList(), history);
            assertNewestFirst(history, ActionHubCompatIT::millis);
        });
    }

    @Test
    void aHistoryLongerThanOneSearchPageStreamsWhole() {
        List<JsonNode> history = history(events(BIG_USER, BIG_PROGRAM));
        assertEquals(BIG_HISTORY, history.size());
        assertSameRecords(big.nodes(), history);
        assertEquals(big.nodes(), history, "the vendor's own order, newest first");
    }

    @Test
    void aUserWithoutEventsInTheProgramIsNotFound() {
        String someUser = export.records().get(0).context().get("user_id");
        for (TestApi.Response response : List.of(events("no-such-user", BIG_PROGRAM), events(someUser, "no-such-program"),
                events(BIG_USER, export.records().get(0).context().get("program_id")))) {
            assertEquals(404, response.status(), response.body());
            assertEquals("application/json", response.header("Content-Type"));
            assertEquals(VendorExport.parse("{\"detail\":\"User not found\"}"), response.json());
        }
    }

    @Test
    void aMissingProgramHeaderIsAFastApiValidationError() {
        TestApi.Response response = api.get("/compat/actionhub/users/" + BIG_USER + "/events");
        assertEquals(422, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals(VendorExport.parse("""
                {"detail":[{"loc":["header","program-id"],"msg":"Field required","type":"missing","input":null}]}"""), response.json());
    }

    @Test
    void anEmptyProgramHeaderIsAProgramLikeAnyOtherAsFastApiTakesIt() {
        for (String empty : List.of("", " ")) {
            TestApi.Response response = events(BIG_USER, empty);
            assertEquals(404, response.status(), "'" + empty + "': " + response.body());
            assertEquals(VendorExport.parse("{\"detail\":\"User not found\"}"), response.json());
        }
    }

    /**
     * Elasticsearch failing after the 200 and the first page of a history are sent: the connection is
     * aborted, so the client sees a broken response, not an error message inside the history or a
     * history cut short that reads as complete.
     */
    @Test
    void elasticsearchFailingMidStreamAbortsTheConnection(TestElasticsearch es) throws Exception {
        AtomicInteger searches = new AtomicInteger();
        RestClient rest = RestClient.builder(HttpHost.create(es.url()))
                .setHttpClientConfigCallback(http -> http.addInterceptorLast((HttpRequestInterceptor) (request, context) -> {
                    if (request.getRequestLine().getUri().contains("/_search") && searches.incrementAndGet() == 2) {
                        throw new IOException("Elasticsearch fails the second search");
                    }
                }))
                .build();
        EsEventStore failing = EsEventStore.on(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())),
                Partitioning.daily(es.indexBase()), 0);
        try (TestApi afterFirstPage = TestApi.start(es, cfg -> cfg.store = failing)) {
            UncheckedIOException broken = assertThrows(UncheckedIOException.class, () -> afterFirstPage.get(
                    "/compat/actionhub/users/" + BIG_USER + "/events", "program-id", BIG_PROGRAM));
            assertTrue(searches.get() > 1, "the history needs more than one search");
            assertTrue(broken.getCause() instanceof IOException, broken.toString());
            assertEquals(BIG_HISTORY, history(afterFirstPage.get("/compat/actionhub/users/" + BIG_USER + "/events", "program-id", BIG_PROGRAM))
                    .size(), "the server goes on serving");
        } finally {
            rest.close();
        }
    }
}
