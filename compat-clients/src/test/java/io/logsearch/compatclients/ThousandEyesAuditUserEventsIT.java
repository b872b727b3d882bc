package io.logsearch.compatclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.compatclients.thousandeyes.api.UserEventsApi;
import io.logsearch.compatclients.thousandeyes.client.ApiClient;
import io.logsearch.compatclients.thousandeyes.client.ApiException;
import io.logsearch.compatclients.thousandeyes.client.ApiResponse;
import io.logsearch.compatclients.thousandeyes.model.AuditUserEvents;
import io.logsearch.compatclients.thousandeyes.model.Link;
import io.logsearch.compatclients.thousandeyes.model.UnauthorizedError;
import io.logsearch.compatclients.thousandeyes.model.UserEvent;
import io.logsearch.compatclients.thousandeyes.model.ValidationError;
import io.logsearch.compatclients.thousandeyes.model.ValidationErrorItem;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /compat/thousandeyes/v7/audit-user-events} driven only through the Java client generated
 * from ThousandEyes' own OpenAPI document (src/test/resources/openapi/thousandeyes-audit-user-events.yaml):
 * a vendor client that only changes its base URL gets back the records that were loaded, pages by
 * {@code _links.next}, filters, and errors it can read with the vendor's models.
 */
@ExtendWith(RealElasticsearch.class)
class ThousandEyesAuditUserEventsIT {

    /** May see every account group. */
    private static final String ALL_GROUPS = "te-all-groups-token-0123456789";
    /** Assigned to the Production EU and Network Lab account groups only. */
    private static final String EU_AND_LAB = "te-eu-and-lab-token-0123456789";

    /**
     * The generated client's mapper, but refusing members the vendor's schemas do not have: a facade
     * that added or misspelt a member fails here instead of being ignored.
     */
    private static final ObjectMapper MAPPER =
            ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static ThousandEyesActivityLog log;
    private static CompatServer server;

    @BeforeAll
    static void start(TestElasticsearch es) throws IOException {
        log = ThousandEyesActivityLog.generate(20_170_717L, Instant.now(), 460);
        server = CompatServer.start(es, Optional.of(Map.of(
                ALL_GROUPS, List.of("*"),
                EU_AND_LAB, List.of(ThousandEyesActivityLog.EU.aid(), ThousandEyesActivityLog.LAB.aid()))));
        LoadSummary loaded = server.load("thousandeyes", SourceContext.EMPTY, log.export());
        assertEquals(log.records().size(), loaded.indexed(), loaded.line());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** The generated client, at the facade's base URL, sending {@code token} (none when null). */
    private static UserEventsApi client(String token) {
        return client(server.base() + "/compat/thousandeyes/v7", token);
    }

    private static UserEventsApi client(String baseUrl, String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), MAPPER, baseUrl);
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new UserEventsApi(client);
    }

    /** The query parameters of a first request; later pages take theirs from {@code _links.next}. */
    private record Query(String aid, Boolean useAllPermittedAids, String window, OffsetDateTime startDate, OffsetDateTime endDate) {
        static Query all() {
            return new Query(null, true, null, null, null);
        }
    }

    /** Every page of one query, as the vendor documents it: follow {@code _links.next} until there is none. */
    private static List<AuditUserEvents> walk(UserEventsApi api, Query query) throws ApiException {
        List<AuditUserEvents> pages = new ArrayList<>();
        AuditUserEvents page = hal(api.getUserEventsWithHttpInfo(query.aid(), query.useAllPermittedAids(), query.window(),
                query.startDate(), query.endDate(), null));
        pages.add(page);
        while (page.getLinks() != null && page.getLinks().getNext() != null) {
            assertTrue(pages.size() < 100, "more than 100 pages: the next links do not end");
            Map<String, String> next = nextLinkParameters(page.getLinks().getNext());
            page = hal(api.getUserEventsWithHttpInfo(next.get("aid"), next.containsKey("useAllPermittedAids")
                            ? Boolean.valueOf(next.get("useAllPermittedAids")) : null,
                    next.get("window"), dateTime(next.get("startDate")), dateTime(next.get("endDate")), next.get("cursor")));
            pages.add(page);
        }
        return pages;
    }

    /** A 200 page, which the vendor serves as {@code application/hal+json}. */
    private static AuditUserEvents hal(ApiResponse<AuditUserEvents> response) {
        assertEquals(200, response.getStatusCode());
        String type = response.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(h -> h.getValue().get(0)).findFirst().orElse("");
        assertTrue(type.startsWith("application/hal+json"), "Content-Type " + type);
        assertNotNull(response.getData(), "a page without a body");
        return response.getData();
    }

    /** The query of a next link, which must point back at this facade's operation and carry a cursor. */
    private static Map<String, String> nextLinkParameters(Link next) {
        URI href = URI.create(next.getHref());
        assertEquals(URI.create(server.base()).getAuthority(), href.getAuthority(), "next link host: " + href);
        assertEquals("/compat/thousandeyes/v7/audit-user-events", href.getPath(), "next link path: " + href);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : href.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (parameters.put(name, value) != null) {
                fail("parameter " + name + " twice in next link " + href);
            }
        }
        assertFalse(parameters.getOrDefault("cursor", "").isBlank(), "next link without a cursor: " + href);
        return parameters;
    }

    private static OffsetDateTime dateTime(String text) {
        return text == null ? null : OffsetDateTime.parse(text);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<UserEvent> events(List<AuditUserEvents> pages) {
        List<UserEvent> events = new ArrayList<>();
        pages.forEach(p -> events.addAll(p.getAuditEvents()));
        return events;
    }

    private static List<ObjectNode> loaded(Predicate<ObjectNode> filter) {
        return log.records().stream().filter(filter).toList();
    }

    /**
     * The returned events are exactly {@code expected} (each once) newest first. Both sides are compared
     * as the generated client sees them: each loaded record is read into the generated {@link UserEvent}
     * by the same mapper, and both are compared as JSON trees.
     */
    private static void assertSameRecordsNewestFirst(List<ObjectNode> expected, List<UserEvent> actual, ObjectMapper mapper) {
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i).getDate().isAfter(actual.get(i - 1).getDate())) {
                fail("not newest first at position " + i + ": " + actual.get(i - 1).getDate() + " then " + actual.get(i).getDate());
            }
        }
        Map<JsonNode, Integer> want = new HashMap<>();
        for (ObjectNode record : expected) {
            want.merge(mapper.valueToTree(mapper.convertValue(record, UserEvent.class)), 1, Integer::sum);
        }
        Map<JsonNode, Integer> got = new HashMap<>();
        for (UserEvent event : actual) {
            got.merge(mapper.valueToTree(event), 1, Integer::sum);
        }
        if (!want.equals(got)) {
            List<String> missing = new ArrayList<>();
            List<String> unexpected = new ArrayList<>();
            want.forEach((record, n) -> {
                if (got.getOrDefault(record, 0) < n) {
                    missing.add(record + " x" + (n - got.getOrDefault(record, 0)));
                }
            });
            got.forEach((record, n) -> {
                if (want.getOrDefault(record, 0) < n) {
                    unexpected.add(record + " x" + (n - want.getOrDefault(record, 0)));
                }
            });
            fail("expected " + expected.size() + " records, got " + actual.size() + "; " + missing.size() + " missing, e.g. "
                    + missing.stream().limit(3).toList() + "; " + unexpected.size() + " unexpected or repeated, e.g. "
                    + unexpected.stream().limit(3).toList());
        }
    }

    @Test
    void followingNextLinksReturnsEveryLoadedRecordExactlyOnceNewestFirst() throws ApiException {
        UserEventsApi api = client(ALL_GROUPS);
        List<AuditUserEvents> pages = walk(api, Query.all());

        assertTrue(pages.size() >= 4, "460 records must span several pages, got " + pages.size());
        for (AuditUserEvents page : pages.subList(0, pages.size() - 1)) {
            assertFalse(page.getAuditEvents().isEmpty(), "a page before the last one is empty");
        }
        assertNull(pages.get(pages.size() - 1).getLinks().getNext(), "the last page has no next link");
        assertTrue(pages.get(0).getLinks().getSelf().getHref().startsWith(server.base() + "/compat/thousandeyes/v7/audit-user-events"),
                pages.get(0).getLinks().getSelf().getHref());
        List<UserEvent> events = events(pages);
        assertSameRecordsNewestFirst(log.records(), events, MAPPER);

        // the fixture's variety really went through: a failed login, bare names, IPv6 and CIDR addresses
        assertTrue(events.stream().anyMatch(e -> "Login failed.".equals(e.getEvent())));
        assertTrue(events.stream().anyMatch(e -> !e.getUser().contains("(")));
        assertTrue(events.stream().anyMatch(e -> e.getIpAddress().contains(":") && !e.getIpAddress().contains("/")));
        assertTrue(events.stream().anyMatch(e -> e.getIpAddress().contains("/")));
        assertTrue(events.stream().map(UserEvent::getAid).distinct().count() >= 4);
    }

    @Test
    void aidRestrictsTheLogToThatAccountGroup() throws ApiException {
        UserEventsApi api = client(ALL_GROUPS);
        String aid = ThousandEyesActivityLog.EU.aid();
        List<ObjectNode> expected = loaded(r -> r.get("aid").asText().equals(aid));
        assertTrue(expected.size() > 100, "the account group's events must fill more than one page: " + expected.size());

        List<AuditUserEvents> pages = walk(api, new Query(aid, null, null, null, null));
        assertTrue(pages.size() >= 2);
        assertSameRecordsNewestFirst(expected, events(pages), MAPPER);
    }

    @Test
    void startDateAndEndDateBoundTheLogAndAreEchoed() throws ApiException {
        UserEventsApi api = client(ALL_GROUPS);
        Instant from = log.rangeStart();
        Instant to = log.rangeEnd();
        List<ObjectNode> expected = loaded(r -> {
            Instant date = ThousandEyesActivityLog.date(r);
            return !date.isBefore(from) && !date.isAfter(to);
        });
        assertTrue(expected.size() > 100 && expected.size() < log.records().size() / 2, "fixture: " + expected.size());

        List<AuditUserEvents> pages = walk(api, new Query(null, true, null, utc(from), utc(to)));
        assertSameRecordsNewestFirst(expected, events(pages), MAPPER);
        for (AuditUserEvents page : pages) {
            assertEquals(utc(from), page.getStartDate(), "startDate of the range");
            assertEquals(utc(to), page.getEndDate(), "endDate of the range");
        }
    }

    @Test
    void windowIsTheLastSpanUpToNowWithSecondsAsTheDefaultUnit() throws ApiException {
        UserEventsApi api = client(ALL_GROUPS);
        Duration window = ThousandEyesActivityLog.WINDOW;
        List<ObjectNode> expected = loaded(r -> ThousandEyesActivityLog.date(r).isAfter(log.now().minus(window)));
        assertTrue(expected.size() > 100 && expected.size() < log.records().size() / 2, "fixture: " + expected.size());

        for (String written : List.of(window.toDays() + "d", window.toHours() + "h", Long.toString(window.toSeconds()))) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<AuditUserEvents> pages = walk(api, new Query(null, true, written, null, null));
            Instant after = Instant.now();
            assertSameRecordsNewestFirst(expected, events(pages), MAPPER);

            AuditUserEvents first = pages.get(0);
            assertNotNull(first.getEndDate(), "window " + written + ": endDate");
            assertNotNull(first.getStartDate(), "window " + written + ": startDate");
            Instant end = first.getEndDate().toInstant();
            assertTrue(!end.isBefore(before) && !end.isAfter(after), "window " + written + ": endDate " + end + " is not the request time");
            assertEquals(window, Duration.between(first.getStartDate().toInstant(), end), "window " + written);
            // the window is resolved once: later pages report the same range
            for (AuditUserEvents page : pages) {
                assertEquals(first.getStartDate(), page.getStartDate());
                assertEquals(first.getEndDate(), page.getEndDate());
            }
        }
    }

    /** The 400 the generated client raises, its body read into the vendor's problem model. */
    private static ValidationError badRequest(UserEventsApi api, Query query) throws IOException {
        ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(query.aid(), query.useAllPermittedAids(),
                query.window(), query.startDate(), query.endDate(), null));
        assertEquals(400, e.getCode(), e.getMessage());
        assertProblemJson(e);
        ValidationError problem = MAPPER.readValue(e.getResponseBody(), ValidationError.class);
        assertEquals(400, problem.getStatus());
        assertFalse(problem.getTitle() == null || problem.getTitle().isBlank(), "title");
        assertNotNull(problem.getErrors(), "errors[]");
        assertFalse(problem.getErrors().isEmpty(), "errors[]");
        for (ValidationErrorItem error : problem.getErrors()) {
            assertFalse(error.getMessage() == null || error.getMessage().isBlank(), "errors[].message");
        }
        return problem;
    }

    private static void assertProblemJson(ApiException e) {
        String type = e.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), "Content-Type " + type);
    }

    private static Set<String> fields(ValidationError problem) {
        return problem.getErrors().stream().map(ValidationErrorItem::getField).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void windowTogetherWithStartDateIs400NamingTheFields() throws IOException {
        ValidationError problem = badRequest(client(ALL_GROUPS),
                new Query(null, null, "12h", utc(log.rangeStart()), null));
        Set<String> fields = fields(problem);
        assertTrue(fields.contains("window") || fields.contains("startDate"), "errors[].field " + fields);
        assertTrue(Set.of("window", "startDate").containsAll(fields), "errors[].field names parameters not in the conflict: " + fields);
    }

    @Test
    void aMalformedWindowIs400NamingWindow() throws IOException {
        UserEventsApi api = client(ALL_GROUPS);
        for (String window : List.of("12x", "h12", "-5m", "1.5h")) {
            assertEquals(Set.of("window"), fields(badRequest(api, new Query(null, null, window, null, null))), window);
        }
    }

    @Test
    void aForgedOrForeignCursorIs400NamingCursor() throws IOException, ApiException {
        UserEventsApi api = client(ALL_GROUPS);
        AuditUserEvents first = api.getUserEvents(ThousandEyesActivityLog.EU.aid(), null, null, null, null, null);
        String cursor = nextLinkParameters(first.getLinks().getNext()).get("cursor");
        for (String[] attempt : new String[][] {
                {ThousandEyesActivityLog.EU.aid(), "not-a-cursor"},
                {ThousandEyesActivityLog.EU.aid(), cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA")},
                {ThousandEyesActivityLog.US.aid(), cursor}}) {
            ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(attempt[0], null, null, null, null, attempt[1]));
            assertEquals(400, e.getCode(), String.join(" ", attempt) + ": " + e.getMessage());
            assertProblemJson(e);
            ValidationError problem = MAPPER.readValue(e.getResponseBody(), ValidationError.class);
            assertEquals(400, problem.getStatus());
            assertEquals(Set.of("cursor"), fields(problem), e.getResponseBody());
        }
    }

    @Test
    void withoutAValidTokenIs401WithTheVendorsErrorBody() throws IOException {
        for (String token : new String[] {null, "not-a-known-token"}) {
            UserEventsApi api = client(token);
            ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(null, null, null, null, null, null));
            assertEquals(401, e.getCode(), e.getMessage());
            assertProblemJson(e);
            UnauthorizedError error = MAPPER.readValue(e.getResponseBody(), UnauthorizedError.class);
            assertFalse(error.getError() == null || error.getError().isBlank(), "error, token " + token + ": " + e.getResponseBody());
            assertFalse(error.getErrorDescription() == null || error.getErrorDescription().isBlank(),
                    "error_description, token " + token + ": " + e.getResponseBody());
        }
    }

    @Test
    void anAidOutsideTheTokensAccountGroupsIs403AndInsideIsServed() throws IOException, ApiException {
        UserEventsApi api = client(EU_AND_LAB);
        String us = ThousandEyesActivityLog.US.aid();
        ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(us, null, null, null, null, null));
        assertEquals(403, e.getCode(), e.getMessage());
        assertProblemJson(e);
        io.logsearch.compatclients.thousandeyes.model.Error problem =
                MAPPER.readValue(e.getResponseBody(), io.logsearch.compatclients.thousandeyes.model.Error.class);
        assertEquals(403, problem.getStatus());
        assertFalse(problem.getTitle() == null || problem.getTitle().isBlank(), "title");
        assertFalse(problem.getDetail() == null || problem.getDetail().isBlank(), "detail");

        // the same token is served its own account groups: one by aid, and all of them with useAllPermittedAids
        String eu = ThousandEyesActivityLog.EU.aid();
        assertSameRecordsNewestFirst(loaded(r -> r.get("aid").asText().equals(eu)),
                events(walk(api, new Query(eu, null, null, null, null))), MAPPER);
        Set<String> permitted = Set.of(eu, ThousandEyesActivityLog.LAB.aid());
        assertSameRecordsNewestFirst(loaded(r -> permitted.contains(r.get("aid").asText())),
                events(walk(api, Query.all())), MAPPER);
    }

    @Test
    void useAllPermittedAidsWidensAnAidToEveryAccountGroupOfTheToken() throws ApiException {
        UserEventsApi api = client(EU_AND_LAB);
        String eu = ThousandEyesActivityLog.EU.aid();
        Set<String> permitted = Set.of(eu, ThousandEyesActivityLog.LAB.aid());
        assertSameRecordsNewestFirst(loaded(r -> permitted.contains(r.get("aid").asText())),
                events(walk(api, new Query(eu, true, null, null, null))), MAPPER);
        assertSameRecordsNewestFirst(loaded(r -> r.get("aid").asText().equals(eu)),
                events(walk(api, new Query(eu, false, null, null, null))), MAPPER);
    }

    /** The vendor's {@code Error} model of a 404, 429 or 500, read with the generated client's mapper. */
    private static io.logsearch.compatclients.thousandeyes.model.Error problem(ApiException e, int status) throws IOException {
        assertEquals(status, e.getCode(), e.getMessage());
        assertProblemJson(e);
        io.logsearch.compatclients.thousandeyes.model.Error problem =
                MAPPER.readValue(e.getResponseBody(), io.logsearch.compatclients.thousandeyes.model.Error.class);
        assertEquals(status, problem.getStatus());
        assertEquals("about:blank", problem.getType());
        assertFalse(problem.getTitle() == null || problem.getTitle().isBlank(), "title");
        assertFalse(problem.getDetail() == null || problem.getDetail().isBlank(), "detail");
        assertFalse(problem.getInstance() == null || problem.getInstance().isBlank(), "instance");
        return problem;
    }

    @Test
    void aClientPointedAtAWrongPathGetsTheVendors404() throws IOException {
        for (String base : List.of("/compat/thousandeyes/v7/no-such-api", "/compat/thousandeyes/v7/audit-user-events/v7")) {
            UserEventsApi api = client(server.base() + base, ALL_GROUPS);
            ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(null, null, null, null, null, null));
            io.logsearch.compatclients.thousandeyes.model.Error notFound = problem(e, 404);
            assertEquals("URI Resource Not Found", notFound.getTitle());
            assertEquals(base + "/audit-user-events", notFound.getInstance());
        }
    }

    /** Elasticsearch refusing the search (here every partition blocks reads): the vendor's 500, never Elasticsearch's own error. */
    @Test
    void aSearchElasticsearchRefusesIsTheVendors500(TestElasticsearch es) throws IOException {
        try (CompatServer blocked = CompatServer.start(es, es.indexBase() + "-blocked", Optional.empty())) {
            blocked.load("thousandeyes", SourceContext.EMPTY, log.export());
            blocked.blockReads();
            UserEventsApi api = client(blocked.base() + "/compat/thousandeyes/v7", null);
            ApiException e = assertThrows(ApiException.class, () -> api.getUserEvents(null, true, "12h", null, null, null));
            io.logsearch.compatclients.thousandeyes.model.Error failed = problem(e, 500);
            assertFalse(e.getResponseBody().contains("cluster_block_exception") || e.getResponseBody().contains("blocked"), e.getResponseBody());
            assertEquals("/compat/thousandeyes/v7/audit-user-events", failed.getInstance());
        }
    }
}
