package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.auth.Tokens;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several tenants in one tokens file, over generated events of all four sources: for every
 * {@code /v1} endpoint and filter combination, and every vendor facade, a tenant sees only its
 * organizations' events, and its counts, histograms, top values, exports, totals and page counts
 * are exactly those of its organizations, as an unrestricted token counts them. Token values, their
 * hashes, the access key's secret and the cursor secret appear in no response and in none of the
 * server's log output (captured from standard error, where slf4j-simple writes).
 */
@ExtendWith(RealElasticsearch.class)
class TenantIsolationIT {

    private static final String OPS = "ops-isolation-token-0123456789";
    private static final String ALPHA = "alpha-isolation-token-0123456789";
    private static final String BETA = "beta-isolation-token-0123456789";
    private static final String KEY_SECRET = "access-key-secret-0123456789abcdef";
    private static final String CURSOR_SECRET = "the cursor secret of this isolation test";
    private static final List<String> SOURCES = List.of("thousandeyes", "actionhub", "onehub", "authing");
    private static final Instant UNTIL = Instant.parse("2025-05-01T00:00:00Z");
    private static final String RANGE = "startDate=2025-04-01T00:00:00Z&endDate=2025-05-01T00:00:00Z";

    private static TestApi api;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream stderr;
    /** Each source's organizations, and the tenants' shares of them. */
    private static final Map<String, List<String>> ORGANIZATIONS = new LinkedHashMap<>();
    private static final Set<String> ALPHA_ORGS = new TreeSet<>();
    private static final Set<String> BETA_ORGS = new TreeSet<>();
    private static String alphaPool;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(stderr, LOG), true, StandardCharsets.UTF_8));
        try (TestApi loader = TestApi.start(es, cfg -> { })) {
            for (String source : SOURCES) {
                ByteArrayOutputStream export = new ByteArrayOutputStream();
                ExportGenerator.forSource(source).write(new GeneratorSpec(300, 20, 7, UNTIL), export);
                loader.load(source, SourceContext.EMPTY, export.toString(StandardCharsets.UTF_8));
                JsonNode top = loader.get("/v1/events/top?field=organizationId&size=100&source=" + source).json();
                List<String> organizations = new ArrayList<>();
                top.path("buckets").forEach(b -> organizations.add(b.path("value").asText()));
                assertTrue(organizations.size() >= 3, source + " has too few organizations: " + organizations);
                ORGANIZATIONS.put(source, organizations);
                ALPHA_ORGS.add(organizations.get(0));
                BETA_ORGS.addAll(organizations.subList(1, organizations.size() / 2 + 1));
            }
        }
        alphaPool = ORGANIZATIONS.get("authing").get(0);
        Path file = Files.createTempFile("isolation-tokens", ".json");
        Files.writeString(file, """
                {"tokens": [
                  {"name": "ops", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]},
                  {"name": "alpha", "sha256": "%s", "organizations": %s, "scopes": ["search", "admin"], "role": "Administrator"},
                  {"name": "beta", "sha256": "%s", "organizations": %s, "scopes": ["search", "admin"], "role": "Administrator"}
                ],
                 "accessKeys": [{"id": "alpha-key", "secret": "%s", "userPool": "%s", "scopes": ["search"]}]}"""
                .formatted(Tokens.sha256Hex(OPS), Tokens.sha256Hex(ALPHA), json(ALPHA_ORGS), Tokens.sha256Hex(BETA), json(BETA_ORGS),
                        KEY_SECRET, alphaPool));
        Tokens tokens = Tokens.read(file);
        Files.delete(file);
        api = TestApi.start(es, cfg -> {
            cfg.tokens = Optional.of(tokens);
            cfg.cursorSecret = Optional.of(CURSOR_SECRET.getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        System.setErr(stderr);
        String log = LOG.toString(StandardCharsets.UTF_8);
        for (String secret : secrets()) {
            assertFalse(log.contains(secret), "the server's log output holds a secret");
        }
    }

    private static List<String> secrets() {
        return List.of(OPS, ALPHA, BETA, Tokens.sha256Hex(OPS), Tokens.sha256Hex(ALPHA), Tokens.sha256Hex(BETA), KEY_SECRET,
                CURSOR_SECRET, java.util.Base64.getEncoder().encodeToString(CURSOR_SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(Set<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    private static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    private static TestApi.Response get(String token, String pathAndQuery, String... headers) {
        TestApi.Response response = api.get(pathAndQuery, bearer(token, headers));
        assertNoSecret(response);
        return response;
    }

    private static void assertNoSecret(TestApi.Response response) {
        for (String secret : secrets()) {
            assertFalse(response.body().contains(secret) || response.headers().toString().contains(secret),
                    "a response holds a secret: " + response.body());
        }
    }

    private static String orgsQuery(Set<String> organizations) {
        return String.join("&", organizations.stream().map(o -> "organizationId=" + HostileInput.encode(o)).toList());
    }

    /** Filters to combine with every endpoint. */
    private static List<String> filters() {
        List<String> filters = new ArrayList<>(List.of(RANGE, "window=36500d", RANGE + "&success=false", RANGE + "&success=true",
                "q=a", RANGE + "&category=authentication", "exclude=source:onehub"));
        SOURCES.forEach(s -> filters.add(RANGE + "&source=" + s));
        filters.add("exclude=organizationId:" + HostileInput.encode(ALPHA_ORGS.iterator().next()));
        return filters;
    }

    @Test
    void everyV1EndpointAndFilterSeesOnlyTheTenantsOrganizations() throws Exception {
        int combinations = 0;
        for (Map.Entry<String, Set<String>> tenant : Map.of(ALPHA, ALPHA_ORGS, BETA, BETA_ORGS).entrySet()) {
            String token = tenant.getKey();
            Set<String> mine = tenant.getValue();
            for (String filter : filters()) {
                String restricted = filter + "&" + orgsQuery(mine);
                long expected = get(OPS, "/v1/events?size=1&" + restricted).json().at("/total/value").asLong();

                List<String> seen = new ArrayList<>();
                String next = "/v1/events?size=100&includeOriginal=true&" + filter;
                long total = -1;
                while (next != null) {
                    JsonNode page = get(token, next).json();
                    total = page.at("/total/value").asLong();
                    page.path("events").forEach(e -> seen.add(e.at("/organization/id").asText()));
                    next = page.at("/_links/next/href").isMissingNode() ? null : page.at("/_links/next/href").asText()
                            .substring(api.base.length());
                }
                assertEquals(expected, total, "total of " + filter);
                assertEquals(expected, seen.size(), "events paged of " + filter);
                assertTrue(mine.containsAll(seen), filter + ": " + new TreeSet<>(seen));

                JsonNode histogram = get(token, "/v1/events/histogram?" + filter).json();
                long counted = 0;
                for (JsonNode bucket : histogram.path("buckets")) {
                    counted += bucket.path("count").asLong();
                }
                assertEquals(expected, counted, "histogram of " + filter);

                for (String field : List.of("organizationId", "userId", "source", "eventType")) {
                    JsonNode top = get(token, "/v1/events/top?size=100&field=" + field + "&" + filter).json();
                    JsonNode all = get(OPS, "/v1/events/top?size=100&field=" + field + "&" + restricted).json();
                    assertEquals(all.path("buckets"), top.path("buckets"), "top " + field + " of " + filter);
                    if (field.equals("organizationId")) {
                        top.path("buckets").forEach(b -> assertTrue(mine.contains(b.path("value").asText()), b.toString()));
                    }
                }

                // raw: an empty export is an empty body, which openapi.yaml's schema for the export cannot describe
                TestApi.Response exported = RawHttp.send(java.net.URI.create(api.base).getPort(), "GET",
                        "/v1/events/export?format=ndjson&" + filter, new byte[0], bearer(token));
                assertEquals(200, exported.status(), exported.body());
                assertNoSecret(exported);
                String export = exported.body();
                List<String> lines = export.lines().filter(l -> !l.isBlank()).toList();
                assertEquals(expected, lines.size(), "export of " + filter);
                for (String line : lines) {
                    assertTrue(mine.contains(HostileInput.JSON.readTree(line).at("/organization/id").asText()), line);
                }
                combinations++;
            }
        }
        assertEquals(2 * filters().size(), combinations);
    }

    @Test
    void anotherTenantsOrganizationIsForbiddenOnV1() {
        String theirs = BETA_ORGS.iterator().next();
        for (String path : List.of("/v1/events?", "/v1/events/histogram?", "/v1/events/top?field=userId&", "/v1/events/export?")) {
            TestApi.Response response = get(ALPHA, path + "organizationId=" + HostileInput.encode(theirs));
            assertEquals(403, response.status(), path + " " + response.body());
            assertFalse(response.body().contains("\"events\"") || response.body().contains("\"buckets\""), response.body());
        }
    }

    @Test
    void thousandEyesTotalsAndPagesAreTheTenantsOwn() {
        for (Map.Entry<String, Set<String>> tenant : Map.of(ALPHA, ALPHA_ORGS, BETA, BETA_ORGS).entrySet()) {
            List<String> aids = new ArrayList<>();
            String next = "/compat/thousandeyes/v7/audit-user-events?" + RANGE;
            while (next != null) {
                JsonNode page = get(tenant.getKey(), next).json();
                page.path("auditEvents").forEach(e -> aids.add(e.path("aid").asText()));
                next = page.at("/_links/next/href").isMissingNode() ? null : page.at("/_links/next/href").asText().substring(api.base.length());
            }
            long expected = get(OPS, "/v1/events?size=1&source=thousandeyes&" + RANGE + "&" + orgsQuery(tenant.getValue()))
                    .json().at("/total/value").asLong();
            assertEquals(expected, aids.size());
            assertTrue(tenant.getValue().containsAll(aids), aids.toString());
        }
        String theirs = ORGANIZATIONS.get("thousandeyes").get(1);
        TestApi.Response forbidden = get(ALPHA, "/compat/thousandeyes/v7/audit-user-events?aid=" + theirs + "&" + RANGE);
        assertEquals(403, forbidden.status(), forbidden.body());
        TestApi.Response widened = get(ALPHA, "/compat/thousandeyes/v7/audit-user-events?useAllPermittedAids=true&aid=" + theirs);
        assertEquals(403, widened.status(), widened.body());
    }

    @Test
    void onehubTotalsAndPagesAreTheTenantsOwn() {
        for (Map.Entry<String, Set<String>> tenant : Map.of(ALPHA, ALPHA_ORGS, BETA, BETA_ORGS).entrySet()) {
            long expected = get(OPS, "/v1/events?size=1&source=onehub&" + orgsQuery(tenant.getValue())).json().at("/total/value").asLong();
            JsonNode first = get(tenant.getKey(), "/compat/onehub/activity/").json();
            assertEquals(expected, first.path("total_entries").asLong(), first.toString().substring(0, 200));
            long pages = first.path("total_pages").asLong();
            assertEquals((expected + 29) / 30, pages);
            long seen = 0;
            for (int page = 1; page <= pages; page++) {
                for (JsonNode item : get(tenant.getKey(), "/compat/onehub/activity/?page=" + page).json().path("items")) {
                    assertTrue(tenant.getValue().contains(item.at("/event/workspace_id").asText()), item.toString());
                    seen++;
                }
            }
            assertEquals(expected, seen);
        }
        String theirs = ORGANIZATIONS.get("onehub").get(1);
        assertEquals(403, get(ALPHA, "/compat/onehub/activity/?workspaces=" + theirs).status());
    }

    @Test
    void actionHubAndAuthingAnswerOnlyTheTenantsProgramsAndPools() {
        String mine = ORGANIZATIONS.get("actionhub").get(0);
        String theirs = ORGANIZATIONS.get("actionhub").get(1);
        JsonNode user = get(OPS, "/v1/events?size=1&source=actionhub&organizationId=" + HostileInput.encode(theirs)).json()
                .at("/events/0/user/id");
        TestApi.Response other = get(ALPHA, "/compat/actionhub/users/" + HostileInput.encode(user.asText()) + "/events",
                "program-id", theirs);
        assertEquals(403, other.status(), other.body());
        assertFalse(other.body().contains("event_type") || other.body().contains("timestamp"), other.body());
        JsonNode myUser = get(OPS, "/v1/events?size=1&source=actionhub&organizationId=" + HostileInput.encode(mine)).json()
                .at("/events/0/user/id");
        assertEquals(200, get(ALPHA, "/compat/actionhub/users/" + HostileInput.encode(myUser.asText()) + "/events",
                "program-id", mine).status());

        for (Map.Entry<String, Set<String>> tenant : Map.of(ALPHA, ALPHA_ORGS, BETA, BETA_ORGS).entrySet()) {
            long expected = get(OPS, "/v1/events?size=1&source=authing&" + orgsQuery(tenant.getValue())).json().at("/total/value").asLong();
            TestApi.Response page = api.post("/compat/authing/api/v3/get-user-action-logs",
                    "{\"pagination\":{\"page\":1,\"limit\":50}}".getBytes(StandardCharsets.UTF_8),
                    bearer(tenant.getKey(), "Content-Type", "application/json"));
            assertNoSecret(page);
            assertEquals(expected, page.json().at("/data/totalCount").asLong(), page.body().substring(0, 200));
        }
        String theirPool = ORGANIZATIONS.get("authing").get(1);
        TestApi.Response forbidden = api.post("/compat/authing/api/v3/get-user-action-logs", "{}".getBytes(StandardCharsets.UTF_8),
                bearer(ALPHA, "Content-Type", "application/json", "x-authing-userpool-id", theirPool));
        assertNoSecret(forbidden);
        assertEquals(403, forbidden.json().path("statusCode").asInt(), forbidden.body());
        assertFalse(forbidden.body().contains("totalCount"), forbidden.body());
    }

    /** Writes to two streams: the console as before, and the capture. */
    private static final class TeeStream extends java.io.OutputStream {

        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
