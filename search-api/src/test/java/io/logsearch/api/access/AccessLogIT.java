package io.logsearch.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.api.auth.Tokens;
import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventAggregations;
import io.logsearch.storage.EventDocuments;
import io.logsearch.storage.EventPartitions;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.EventStore;
import io.logsearch.storage.EventWriter;
import io.logsearch.storage.SealRecords;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who searched what: every API request in the access log, readable with the audit scope only, never among the events. */
@ExtendWith(RealElasticsearch.class)
@Timeout(120)
class AccessLogIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String TEAM_A = "team-a-token-0123456789";
    private static final String AUDITOR = "auditor-token-0123456789";
    private static final String DAY = "startDate=2024-01-01T00:00:00Z&endDate=2024-01-01T23:59:59Z";
    private static Optional<Tokens> tokens;
    private static TestApi api;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        Path file = Files.createTempFile("tokens", ".json");
        Files.writeString(file, """
                {"tokens": [
                  {"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]},
                  {"name": "team-a", "sha256": "%s", "organizations": ["org-a"], "scopes": ["search"]},
                  {"name": "auditor", "sha256": "%s", "organizations": ["*"], "scopes": ["audit"]}
                ]}""".formatted(Tokens.sha256Hex(ADMIN), Tokens.sha256Hex(TEAM_A), Tokens.sha256Hex(AUDITOR)));
        tokens = Optional.of(Tokens.read(file));
        api = TestApi.start(es, cfg -> cfg.tokens = tokens);
        api.loadEcs(List.of(
                "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"id\":\"a1\",\"action\":\"x\"},\"organization\":{\"id\":\"org-a\"}}",
                "{\"@timestamp\":\"2024-01-01T00:00:01Z\",\"event\":{\"id\":\"b1\",\"action\":\"x\"},\"organization\":{\"id\":\"org-b\"}}"));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The access events of requests whose query holds {@code marker}, once {@code count} of them are searchable. */
    private static List<JsonNode> accessEvents(String marker, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            api.client.indices().refresh(r -> r.index(AccessLogIndex.partitioning(api.index.base()).allPartitions())
                    .ignoreUnavailable(true).allowNoIndices(true));
            TestApi.Response page = api.get("/v1/access?size=1000&q=" + marker, "Authorization", bearer(AUDITOR));
            assertEquals(200, page.status(), page.body());
            List<JsonNode> events = new ArrayList<>();
            page.json().get("events").forEach(event -> {
                if (!event.at("/url/path").asText().equals("/v1/access")) {
                    events.add(event);
                }
            });
            if (events.size() >= count || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void everyRequestIsRecordedWithWhoWhatAndHowItWent() throws Exception {
        assertEquals(200, api.get("/v1/events?" + DAY + "&eventType=marker1", "Authorization", bearer(TEAM_A)).status());
        assertEquals(400, api.get("/v1/events?eventType=marker1&access_token=s3cr3t-value", "Authorization", bearer(TEAM_A)).status());
        assertEquals(200, api.get("/v1/events/histogram?" + DAY + "&eventType=marker1", "Authorization", bearer(ADMIN)).status());
        assertEquals(200, api.get("/v1/events/top?field=userId&eventType=marker1", "Authorization", bearer(ADMIN)).status());
        assertEquals(200, api.get("/v1/events/export?format=csv&eventType=marker1", "Authorization", bearer(ADMIN)).status());
        api.get("/compat/thousandeyes/v7/audit-user-events?window=1d&aid=marker1", "Authorization", bearer(ADMIN));
        assertEquals(401, api.get("/v1/events?eventType=marker1").status());

        List<JsonNode> events = accessEvents("marker1", 7);
        assertEquals(7, events.size(), events.toString());
        JsonNode search = events.stream().filter(e -> e.at("/url/query").asText().startsWith("startDate")
                && e.at("/url/path").asText().equals("/v1/events")).findFirst().orElseThrow();
        assertEquals("team-a", search.at("/user/name").asText());
        assertEquals("[\"org-a\"]", search.at("/organization/id").toString());
        assertEquals("GET", search.at("/http/request/method").asText());
        assertEquals(200, search.at("/http/response/status_code").asInt());
        assertEquals(0, search.at("/logsearch/access/hits").asLong(), "no event is of type marker1");
        assertEquals("logsearch.access", search.at("/event/dataset").asText());
        assertEquals("web", search.at("/event/category/0").asText());
        assertTrue(search.at("/event/duration").asLong() > 0, search.toString());
        assertTrue(search.at("/source/ip").asText().matches("127\\.0\\.0\\.1|::1|0:0:0:0:0:0:0:1"), search.toString());

        JsonNode refused = events.stream().filter(e -> e.at("/url/query").asText().contains("access_token")).findFirst().orElseThrow();
        assertEquals(400, refused.at("/http/response/status_code").asInt());
        assertEquals("failure", refused.at("/event/outcome").asText());
        assertEquals("eventType=marker1&access_token=REDACTED", refused.at("/url/query").asText());
        assertFalse(events.toString().contains("s3cr3t"), "no credential is stored");

        JsonNode anonymous = events.stream().filter(e -> e.at("/http/response/status_code").asInt() == 401).findFirst().orElseThrow();
        assertTrue(anonymous.at("/user").isMissingNode(), "nobody was authenticated");
        assertTrue(events.stream().anyMatch(e -> e.at("/url/path").asText().startsWith("/compat/thousandeyes/")), "facades are recorded");

        JsonNode health = api.get("/health").json();
        assertTrue(health.at("/accessLog/written").asLong() >= 7, health.toString());
        assertEquals(0, health.at("/accessLog/dropped").asLong(), health.toString());
    }

    @Test
    void onlyTheAuditScopeReadsTheAccessLog() {
        TestApi.Response tenant = api.get("/v1/access", "Authorization", bearer(TEAM_A));
        assertEquals(403, tenant.status(), tenant.body());
        assertTrue(tenant.json().get("detail").asText().contains("'audit'"), tenant.body());
        assertEquals(403, api.get("/v1/access", "Authorization", bearer(ADMIN)).status(), "admin is not audit");
        assertEquals(401, api.get("/v1/access").status());
        assertEquals(403, api.get("/v1/events", "Authorization", bearer(AUDITOR)).status(), "audit reads no events");
    }

    @Test
    void accessEventsAreNeverAmongTheEvents() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.get("/v1/events?eventType=marker2", "Authorization", bearer(ADMIN));
        }
        assertEquals(3, accessEvents("marker2", 3).size());

        JsonNode all = api.get("/v1/events?size=1000", "Authorization", bearer(ADMIN)).json();
        assertEquals(2, all.at("/total/value").asLong(), all.toString());
        long exported = api.get("/v1/events/export?format=ndjson", "Authorization", bearer(ADMIN)).body().lines().count();
        assertEquals(2, exported);
        assertTrue(api.index.partitionAdmin().existing().stream().noneMatch(name -> name.contains("-access-")),
                "prune and seal never see access partitions: " + api.index.partitionAdmin().existing());
    }

    @Test
    void accessPartitionsAreCreatedFromTheirOwnTemplate() throws Exception {
        api.get("/v1/events?eventType=marker3", "Authorization", bearer(ADMIN));
        assertEquals(1, accessEvents("marker3", 1).size());
        GetMappingResponse mappings = api.client.indices().getMapping(m -> m.index(AccessLogIndex.partitioning(api.index.base()).allPartitions()));
        assertFalse(mappings.result().isEmpty());
        mappings.result().forEach((index, mapping) -> {
            assertTrue(mapping.mappings().properties().containsKey("logsearch"), index + " has the access log's mapping");
            assertFalse(mapping.mappings().properties().containsKey("thousandeyes"), index + " has none of the events' mapping");
        });
    }

    @Test
    void aStalledAccessLogNeverHoldsUpARequestAndCountsWhatItDrops(TestElasticsearch es) throws Exception {
        FakeAccessStore stalled = new FakeAccessStore(true);
        try (TestApi slow = TestApi.start(es, cfg -> {
            cfg.tokens = tokens;
            cfg.store = new WithAccessLog(cfg.store, stalled);
            cfg.accessLogCapacity = 5;
        })) {
            for (int i = 0; i < 30; i++) {
                long started = System.nanoTime();
                TestApi.Response response = slow.get("/v1/events?" + DAY, "Authorization", bearer(ADMIN));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(200, response.status());
                assertEquals(2, response.json().at("/total/value").asLong());
                assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "request " + i + " took " + took);
            }
            JsonNode health = slow.get("/health").json();
            assertEquals(200, slow.get("/health").status());
            assertTrue(health.at("/accessLog/dropped").asLong() >= 24, health.toString());
            assertEquals(0, health.at("/accessLog/written").asLong(), health.toString());
            assertEquals(5, health.at("/accessLog/queued").asLong(), health.toString());
            stalled.stall.countDown();
        }
    }

    /** A store whose access log is another store. */
    private record WithAccessLog(EventStore events, EventStore accessLog) implements EventStore {

        @Override
        public Partitioning partitions() {
            return events.partitions();
        }

        @Override
        public boolean ensureTemplate() {
            return events.ensureTemplate();
        }

        @Override
        public void installTemplate() {
            events.installTemplate();
        }

        @Override
        public EventWriter writer() {
            return events.writer();
        }

        @Override
        public EventSearch search() {
            return events.search();
        }

        @Override
        public EventAggregations aggregations() {
            return events.aggregations();
        }

        @Override
        public EventPartitions partitionAdmin() {
            return events.partitionAdmin();
        }

        @Override
        public EventDocuments documents() {
            return events.documents();
        }

        @Override
        public SealRecords seals() {
            return events.seals();
        }

        @Override
        public String description() {
            return events.description();
        }
    }
}
