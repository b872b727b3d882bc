package io.logsearch.api.compat;

import static io.logsearch.api.compat.Records.assertSameRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.api.auth.Tokens;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens, scopes, organization scoping and roles on every vendor facade, each refusing in its vendor's style. */
@ExtendWith(RealElasticsearch.class)
class CompatAccessIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String TEAM = "team-token-0123456789";
    private static final String MODERATOR = "moderator-token-0123456789";
    private static final String LOADER = "loader-token-0123456789";
    private static final String SEARCHER = "searcher-token-0123456789";
    private static final String PACIFIC = "pacific-token-0123456789";
    /** Onehub's roles, spelt in varied case, and whether each may read a file's audit trail; each has a token ({@link #roleToken}). */
    private static final Map<String, Boolean> ROLES = Map.of(
            "Administrator", true, "moderator", true, "collaborator", false, "Creator", false, "Downloader", false,
            "Printer", false, "Viewer", false);
    /** Tokens with the admin scope and a role below Moderator. */
    private static final String ADMIN_VIEWER = "admin-viewer-token-0123456789";
    private static final String TE = "/compat/thousandeyes/v7/audit-user-events";
    private static final String ONEHUB = "/compat/onehub/activity/";
    private static final String AUTHING = "/compat/authing/api/v3/get-user-action-logs";
    private static final String AUTHING_TOKEN = "/compat/authing/api/v3/get-management-token";

    private static TestApi api;
    private static VendorExport thousandEyes;
    private static VendorExport actionHub;
    private static VendorExport onehub;
    private static VendorExport authing;
    private static String aid;
    private static String program;
    private static String programUser;
    private static String workspace;
    private static String self;
    private static String pool;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        Instant until = Instant.parse("2025-05-01T00:00:00Z");
        thousandEyes = VendorExport.generate("thousandeyes", 150, 10, 21, until);
        actionHub = VendorExport.generate("actionhub", 80, 10, 21, until);
        onehub = VendorExport.generate("onehub", 120, 10, 21, until);
        authing = VendorExport.generate("authing", 90, 10, 21, until);
        aid = thousandEyes.nodes().get(0).path("aid").asText();
        program = actionHub.records().get(0).context().get("program_id");
        programUser = actionHub.records().get(0).context().get("user_id");
        workspace = onehub.nodes().get(0).path("workspace_id").asText();
        self = onehub.nodes().get(0).path("user_id").asText();
        pool = authing.records().get(0).context().get("userPoolId");

        Path file = Files.createTempFile("tokens", ".json");
        Files.writeString(file, """
                {"tokens": [
                  {"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]},
                  {"name": "team", "sha256": "%s", "organizations": ["%s", "%s", "%s", "%s"], "scopes": ["search"], "userId": "%s", "role": "viewer"},
                  {"name": "moderator", "sha256": "%s", "organizations": ["*"], "scopes": ["search"], "role": "Moderator"},
                  {"name": "loader", "sha256": "%s", "organizations": ["*"], "scopes": ["ingest"]},
                  {"name": "searcher", "sha256": "%s", "organizations": ["*"], "scopes": ["search"]},
                  {"name": "pacific", "sha256": "%s", "organizations": ["*"], "scopes": ["search"], "timeZone": "America/Los_Angeles"},
                  {"name": "admin-viewer", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "admin"], "role": "viewer"},
                  %s
                ]}""".formatted(Tokens.sha256Hex(ADMIN), Tokens.sha256Hex(TEAM), aid, program, workspace, pool, self,
                Tokens.sha256Hex(MODERATOR), Tokens.sha256Hex(LOADER), Tokens.sha256Hex(SEARCHER), Tokens.sha256Hex(PACIFIC),
                Tokens.sha256Hex(ADMIN_VIEWER), ROLES.keySet().stream().map(role -> """
                        {"name": "role-%s", "sha256": "%s", "organizations": ["*"], "scopes": ["search"], "role": "%s"}"""
                        .formatted(role, Tokens.sha256Hex(roleToken(role)), role)).collect(Collectors.joining(",\n"))));
        Tokens tokens = Tokens.read(file);
        api = TestApi.start(es, cfg -> cfg.tokens = Optional.of(tokens));
        api.load("thousandeyes", SourceContext.EMPTY, thousandEyes.text());
        api.load("actionhub", SourceContext.EMPTY, actionHub.text());
        api.load("onehub", SourceContext.EMPTY, onehub.text());
        api.load("authing", SourceContext.EMPTY, authing.text());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String roleToken(String role) {
        return "role-" + role + "-token-0123456789";
    }

    private static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    private static TestApi.Response actionHub(String user, String programId, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "program-id";
        all[1] = programId;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.get("/compat/actionhub/users/" + user + "/events", all);
    }

    private static TestApi.Response authing(String body, String... headers) {
        return api.post(AUTHING, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    @Test
    void withoutATokenEachFacadeAnswers401InItsVendorsShape() {
        TestApi.Response te = api.get(TE);
        assertEquals(401, te.status());
        assertEquals("application/problem+json", te.header("Content-Type"));
        assertEquals("invalid_token", te.json().path("error").asText());
        assertFalse(te.json().path("error_description").asText().isBlank());
        assertTrue(te.header("WWW-Authenticate").startsWith("Bearer"));

        TestApi.Response ah = actionHub(programUser, program);
        assertEquals(401, ah.status());
        assertEquals(VendorExport.parse("{\"detail\":\"Not authenticated\"}"), ah.json());

        for (String path : List.of(ONEHUB, "/compat/onehub/files/1/audit_trail")) {
            TestApi.Response oh = api.get(path);
            assertEquals(401, oh.status(), path);
            assertFalse(oh.json().path("error").asText().isBlank());
        }

        TestApi.Response au = authing("{}", "Authorization", "Bearer wrong-token");
        assertEquals(200, au.status(), "Authing answers business errors with HTTP 200");
        assertEquals(401, au.json().path("statusCode").asInt());
        assertFalse(au.json().path("message").asText().isBlank());
    }

    @Test
    void aTokenWithoutTheSearchScopeIsRefused() {
        assertEquals(403, api.get(TE, bearer(LOADER)).json().path("status").asInt());
        assertEquals(403, actionHub(programUser, program, bearer(LOADER)).status());
        assertEquals(403, api.get(ONEHUB, bearer(LOADER)).status());
        assertEquals(403, authing("{}", bearer(LOADER)).json().path("statusCode").asInt());
    }

    @Test
    void aScopedTokenSeesOnlyItsOrganizations() {
        assertSameRecords(thousandEyes.nodes().stream().filter(r -> r.path("aid").asText().equals(aid)).toList(),
                list(api.get(TE, bearer(TEAM)).json().path("auditEvents")));
        String otherAid = thousandEyes.nodes().stream().map(r -> r.path("aid").asText()).filter(a -> !a.equals(aid)).findFirst().orElseThrow();
        TestApi.Response forbidden = api.get(TE + "?aid=" + otherAid, bearer(TEAM));
        assertEquals(403, forbidden.status());
        assertEquals("application/problem+json", forbidden.header("Content-Type"));
        assertEquals(200, api.get(TE + "?aid=" + otherAid, bearer(ADMIN)).status());

        assertEquals(200, actionHub(programUser, program, bearer(TEAM)).status());
        String otherProgram = actionHub.records().stream().map(r -> r.context().get("program_id")).filter(p -> !p.equals(program))
                .findFirst().orElseThrow();
        TestApi.Response ah = actionHub(programUser, otherProgram, bearer(TEAM));
        assertEquals(403, ah.status());
        assertFalse(ah.json().path("detail").asText().isBlank());

        List<JsonNode> inWorkspace = onehub.nodes().stream().filter(e -> e.path("workspace_id").asText().equals(workspace)).toList();
        JsonNode page = api.get(ONEHUB, bearer(TEAM)).json();
        assertEquals(inWorkspace.size(), page.path("total_entries").asInt());
        String otherWorkspace = onehub.nodes().stream().map(e -> e.path("workspace_id").asText()).filter(w -> !w.equals(workspace))
                .findFirst().orElseThrow();
        assertEquals(403, api.get(ONEHUB + "?workspaces=" + workspace + "," + otherWorkspace, bearer(TEAM)).status());

        List<JsonNode> inPool = authing.records().stream().filter(r -> r.context().get("userPoolId").equals(pool))
                .map(VendorExport.VendorRecord::record).toList();
        JsonNode logs = authing("{\"pagination\":{\"limit\":50}}", bearer(TEAM)).json();
        assertEquals(inPool.size(), logs.at("/data/totalCount").asInt());
        String otherPool = authing.records().stream().map(r -> r.context().get("userPoolId")).filter(p -> !p.equals(pool))
                .findFirst().orElseThrow();
        assertEquals(403, authing("{}", bearer(TEAM, "x-authing-userpool-id", otherPool)).json().path("statusCode").asInt());
    }

    @Test
    void theFileAuditTrailNeedsAModeratorOrAboveWhateverTheScopes() {
        Map<String, Long> perFile = onehub.nodes().stream().flatMap(e -> OnehubCompatIT.files(e).stream())
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        Map.Entry<String, Long> busiest = perFile.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String path = "/compat/onehub/files/" + busiest.getKey() + "/audit_trail";
        assertTrue(busiest.getValue() > 1, "a file with several events");
        ROLES.forEach((role, allowed) -> {
            TestApi.Response response = api.get(path, bearer(roleToken(role)));
            if (allowed) {
                assertEquals(200, response.status(), role + ": " + response.body());
                assertEquals(busiest.getValue(), response.json().path("total_entries").asLong(), role);
            } else {
                assertForbiddenAuditTrail(response, role);
            }
        });
        assertForbiddenAuditTrail(api.get(path, bearer(TEAM)), "viewer");
        assertForbiddenAuditTrail(api.get(path, bearer(ADMIN_VIEWER)), "viewer");
        assertForbiddenAuditTrail(api.get(path, bearer(SEARCHER)), "no role and no admin scope");
        assertEquals(busiest.getValue(), api.get(path, bearer(MODERATOR)).json().path("total_entries").asLong());
        assertEquals(busiest.getValue(), api.get(path, bearer(ADMIN)).json().path("total_entries").asLong(), "an admin token without a role");
    }

    private static void assertForbiddenAuditTrail(TestApi.Response response, String role) {
        assertEquals(403, response.status(), role + ": " + response.body());
        String error = response.json().path("error").asText();
        assertTrue(error.contains("Moderator or above") && error.contains(role), role + ": " + error);
        assertFalse(response.body().contains("\"items\""), role);
    }

    @Test
    void invalidParametersAre400EvenOutsideTheTokensScope() {
        String otherWorkspace = onehub.nodes().stream().map(e -> e.path("workspace_id").asText()).filter(w -> !w.equals(workspace))
                .findFirst().orElseThrow();
        TestApi.Response onehubResponse = api.get(ONEHUB + "?workspaces=" + otherWorkspace + ",x", bearer(TEAM));
        assertEquals(400, onehubResponse.status(), onehubResponse.body());
        assertTrue(onehubResponse.json().path("error").asText().contains("'x'"), onehubResponse.body());
        assertEquals(403, api.get(ONEHUB + "?workspaces=" + otherWorkspace, bearer(TEAM)).status());

        String otherPool = authing.records().stream().map(r -> r.context().get("userPoolId")).filter(p -> !p.equals(pool))
                .findFirst().orElseThrow();
        TestApi.Response authingResponse = authing("{\"pagination\":{\"limit\":500}}", bearer(TEAM, "x-authing-userpool-id", otherPool));
        assertEquals(200, authingResponse.status(), authingResponse.body());
        assertEquals(400, authingResponse.json().path("statusCode").asInt());

        String otherAid = thousandEyes.nodes().stream().map(r -> r.path("aid").asText()).filter(a -> !a.equals(aid)).findFirst().orElseThrow();
        assertEquals(400, api.get(TE + "?aid=" + otherAid + "&window=12x", bearer(TEAM)).status());
    }

    @Test
    void timesWithoutAZoneAreInTheTokensOwnZone() {
        List<Instant> times = onehub.nodes().stream().map(e -> OffsetDateTime.parse(e.path("updated_at").asText()).toInstant()).sorted().toList();
        Instant start = times.get(times.size() / 2);
        String zoneless = DateTimeFormatter.ofPattern("EEE, d MMM uuuu HH:mm:ss", Locale.ENGLISH)
                .format(start.atZone(ZoneId.of("America/Los_Angeles")));
        long expected = times.stream().filter(t -> !t.isBefore(start)).count();
        JsonNode pacific = api.get(ONEHUB + "?start_time=" + URLEncoder.encode(zoneless, StandardCharsets.UTF_8), bearer(PACIFIC)).json();
        assertEquals(expected, pacific.path("total_entries").asLong(), zoneless + " in America/Los_Angeles");
        Instant asUtc = start.atZone(ZoneId.of("America/Los_Angeles")).toLocalDateTime().toInstant(ZoneOffset.UTC);
        JsonNode utc = api.get(ONEHUB + "?start_time=" + URLEncoder.encode(zoneless, StandardCharsets.UTF_8), bearer(ADMIN)).json();
        assertEquals(times.stream().filter(t -> !t.isBefore(asUtc)).count(), utc.path("total_entries").asLong(), "a token without a zone: UTC");
        assertTrue(expected != utc.path("total_entries").asLong(), "the fixture tells the two zones apart");
    }

    @Test
    void filterSelfLeavesOutTheTokensOwnEvents() {
        List<JsonNode> expected = onehub.nodes().stream()
                .filter(e -> e.path("workspace_id").asText().equals(workspace) && !e.path("user_id").asText().equals(self)).toList();
        JsonNode page = api.get(ONEHUB + "?filter_self=true", bearer(TEAM)).json();
        assertEquals(expected.size(), page.path("total_entries").asInt());
        assertTrue(expected.size() < 30, "one page holds them all");
        assertSameRecords(expected, list(page.path("items")).stream().map(item -> item.path("event")).toList());
        TestApi.Response noUser = api.get(ONEHUB + "?filter_self=true", bearer(ADMIN));
        assertEquals(400, noUser.status());
        assertTrue(noUser.json().path("error").asText().contains("userId"), noUser.body());
    }

    @Test
    void authingsKeyAndSecretExchangeGivesAnAccessTokenScopedLikeTheLogsearchToken() {
        TestApi.Response exchange = api.post(AUTHING_TOKEN, ("{\"accessKeyId\":\"team\",\"accessKeySecret\":\"" + TEAM + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, exchange.status(), exchange.body());
        assertEquals(200, exchange.json().path("statusCode").asInt());
        assertEquals(7200, exchange.json().at("/data/expires_in").asInt());
        String accessToken = exchange.json().at("/data/access_token").asText();

        for (String authorization : List.of(accessToken, "Bearer " + accessToken)) {
            JsonNode logs = authing("{\"pagination\":{\"limit\":50}}", "Authorization", authorization).json();
            assertEquals(200, logs.path("statusCode").asInt());
            assertEquals(authing.records().stream().filter(r -> r.context().get("userPoolId").equals(pool)).count(),
                    logs.at("/data/totalCount").asLong());
        }
        String tampered = accessToken.substring(0, accessToken.length() - 3) + (accessToken.endsWith("AAA") ? "BBB" : "AAA");
        assertEquals(401, authing("{}", "Authorization", tampered).json().path("statusCode").asInt());
        assertEquals(401, api.get(TE, "Authorization", "Bearer " + accessToken).status(), "only Authing's facade takes Authing's token");
    }

    @Test
    void theExchangeRefusesAWrongKeyOrSecret() {
        for (String body : List.of("{\"accessKeyId\":\"team\",\"accessKeySecret\":\"" + ADMIN + "\"}",
                "{\"accessKeyId\":\"team\",\"accessKeySecret\":\"guess\"}")) {
            TestApi.Response response = api.post(AUTHING_TOKEN, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.status(), body);
            assertEquals(401, response.json().path("statusCode").asInt());
            assertFalse(response.body().contains("access_token"));
        }
        for (String body : List.of("{}", "{\"accessKeyId\":\"team\"}", "not json")) {
            TestApi.Response response = api.post(AUTHING_TOKEN, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.status(), body);
            assertEquals(400, response.json().path("statusCode").asInt());
        }
    }
}
