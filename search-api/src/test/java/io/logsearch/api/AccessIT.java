package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.auth.Tokens;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer tokens, scopes and organization scoping across every endpoint. */
@ExtendWith(RealElasticsearch.class)
class AccessIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String TEAM_A = "team-a-token-0123456789";
    private static final String INGEST_ONLY = "ingest-token-0123456789";
    private static final String LOADER_A = "loader-a-token-0123456789";
    private static final List<String> SEARCH_ENDPOINTS = List.of(
            "/v1/events", "/v1/events/histogram", "/v1/events/top?field=organizationId", "/v1/events/export");
    /** The day the events loaded before the tests lie on; tests that ingest write other days. */
    private static final String LOADED = "startDate=2024-01-01T00:00:00Z&endDate=2024-01-01T23:59:59Z";
    private static TestApi api;

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        Path file = Files.createTempFile("tokens", ".json");
        Files.writeString(file, """
                {"tokens": [
                  {"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]},
                  {"name": "team-a", "sha256": "%s", "organizations": ["org-a", "org-c"], "scopes": ["search"]},
                  {"name": "loader", "sha256": "%s", "organizations": ["*"], "scopes": ["ingest"]},
                  {"name": "loader-a", "sha256": "%s", "organizations": ["org-a"], "scopes": ["ingest"]}
                ]}""".formatted(Tokens.sha256Hex(ADMIN), Tokens.sha256Hex(TEAM_A), Tokens.sha256Hex(INGEST_ONLY),
                Tokens.sha256Hex(LOADER_A)));
        Tokens tokens = Tokens.read(file);
        api = TestApi.start(es, cfg -> cfg.tokens = java.util.Optional.of(tokens));
        api.loadEcs(List.of(
                "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"id\":\"a1\",\"action\":\"x\",\"outcome\":\"success\"},\"organization\":{\"id\":\"org-a\"}}",
                "{\"@timestamp\":\"2024-01-01T00:00:01Z\",\"event\":{\"id\":\"b1\",\"action\":\"x\",\"outcome\":\"failure\"},\"organization\":{\"id\":\"org-b\"}}",
                "{\"@timestamp\":\"2024-01-01T00:00:02Z\",\"event\":{\"id\":\"c1\",\"action\":\"y\",\"outcome\":\"success\"},\"organization\":{\"id\":\"org-c\"}}",
                "{\"@timestamp\":\"2024-01-01T00:00:03Z\",\"event\":{\"id\":\"n1\",\"action\":\"y\",\"outcome\":\"success\"}}"));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Test
    void withoutATokenEveryEndpointButHealthIs401WithAChallenge() {
        for (String path : SEARCH_ENDPOINTS) {
            TestApi.Response response = api.get(path);
            assertEquals(401, response.status(), path);
            assertEquals("Bearer realm=\"logsearch\"", response.header("WWW-Authenticate"), path);
            assertEquals("application/problem+json", response.header("Content-Type"));
        }
        assertEquals(401, api.post("/v1/ingest/ecs", "{}".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(200, api.get("/health").status());
    }

    @Test
    void aWrongOrMalformedTokenIs401InvalidToken() {
        for (String[] header : List.of(bearer("nope"), new String[] {"Authorization", "Basic dXNlcjpwYXNz"},
                new String[] {"Authorization", "Bearer "}, new String[] {"Authorization", ADMIN})) {
            TestApi.Response response = api.get("/v1/events", header);
            assertEquals(401, response.status(), header[1]);
            assertTrue(response.header("WWW-Authenticate").contains("invalid_token"), response.header("WWW-Authenticate"));
        }
    }

    @Test
    void anOrganizationScopedTokenSeesOnlyItsOrganizationsOnEveryEndpoint() throws Exception {
        assertEquals(Set.of("a1", "c1"), new TreeSet<>(TestApi.ids(api.get("/v1/events?" + LOADED, bearer(TEAM_A)))));
        assertEquals(4, TestApi.ids(api.get("/v1/events?" + LOADED, bearer(ADMIN))).size());

        JsonNode histogram = api.get("/v1/events/histogram?interval=1d&" + LOADED, bearer(TEAM_A)).json();
        assertEquals(2, histogram.at("/buckets/0/count").asInt());
        assertEquals(0, histogram.at("/buckets/0/failure").asInt());

        Set<String> orgs = new TreeSet<>();
        api.get("/v1/events/top?field=organizationId&" + LOADED, bearer(TEAM_A)).json().get("buckets")
                .forEach(b -> orgs.add(b.get("value").asText()));
        assertEquals(Set.of("org-a", "org-c"), orgs);

        String export = api.get("/v1/events/export?" + LOADED, bearer(TEAM_A)).body();
        assertEquals(2, export.split("\n").length);
        assertTrue(!export.contains("org-b") && !export.contains("\"n1\""), export);
    }

    @Test
    void askingForAnOrganizationOutsideTheScopeIs403() {
        for (String path : SEARCH_ENDPOINTS) {
            String url = path + (path.contains("?") ? "&" : "?") + "organizationId=org-b";
            TestApi.Response response = api.get(url, bearer(TEAM_A));
            assertEquals(403, response.status(), url);
            assertTrue(response.json().get("detail").asText().contains("org-b"));
        }
        assertEquals(200, api.get("/v1/events?organizationId=org-a", bearer(TEAM_A)).status());
        assertEquals(200, api.get("/v1/events?organizationId=org-b", bearer(ADMIN)).status());
    }

    @Test
    void scopesGateSearchAndIngest() {
        byte[] event = "{\"@timestamp\":\"2024-02-01T00:00:00Z\",\"event\":{\"id\":\"z1\",\"action\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
        assertEquals(403, api.post("/v1/ingest/ecs", event, bearer(TEAM_A)).status());
        for (String path : SEARCH_ENDPOINTS) {
            TestApi.Response refused = api.get(path, bearer(INGEST_ONLY));
            assertEquals(403, refused.status(), path);
            assertTrue(refused.json().get("detail").asText().contains("'search' scope"), refused.body());
        }
        TestApi.Response ingested = api.post("/v1/ingest/ecs", event, bearer(INGEST_ONLY));
        assertEquals(200, ingested.status(), ingested.body());
        assertEquals(1, ingested.json().get("indexed").asInt());
    }

    @Test
    void anOrganizationScopedTokenIngestsOnlyIntoItsOrganizations() throws Exception {
        String history = "{\"timestamp\":\"2024-03-01T10:00:00Z\",\"event_type\":\"asset_viewed\",\"asset_id\":\"a1\",\"asset_name\":\"Q1\"}";
        byte[] body = history.getBytes(StandardCharsets.UTF_8);
        TestApi.Response elsewhere = api.post("/v1/ingest/actionhub?userId=u1&programId=org-b", body, bearer(LOADER_A));
        assertEquals(403, elsewhere.status(), elsewhere.body());
        assertTrue(elsewhere.json().get("detail").asText().contains("org-b"));
        assertEquals(403, api.post("/v1/ingest/authing?userPoolId=org-c", body, bearer(LOADER_A)).status());
        TestApi.Response own = api.post("/v1/ingest/actionhub?userId=u1&programId=org-a", body, bearer(LOADER_A));
        assertEquals(1, own.json().get("indexed").asInt(), own.body());

        String wrapped = "{\"user_id\":\"u2\",\"program_id\":\"org-b\",\"history\":[" + history + "]}";
        TestApi.Response inBody = api.post("/v1/ingest/actionhub", wrapped.getBytes(StandardCharsets.UTF_8), bearer(LOADER_A));
        assertEquals(422, inBody.status(), "every record rejected: " + inBody.body());
        assertEquals(0, inBody.json().get("indexed").asInt(), "a wrapper naming another organization writes nothing");
        assertTrue(inBody.json().at("/errors/0/message").asText().contains("org-b"), inBody.body());

        String ecs = String.join("\n",
                "{\"@timestamp\":\"2024-03-02T00:00:00Z\",\"event\":{\"id\":\"la1\",\"action\":\"x\"},\"organization\":{\"id\":\"org-a\"}}",
                "{\"@timestamp\":\"2024-03-02T00:00:01Z\",\"event\":{\"id\":\"lb1\",\"action\":\"x\"},\"organization\":{\"id\":\"org-b\"}}",
                "{\"@timestamp\":\"2024-03-02T00:00:02Z\",\"event\":{\"id\":\"ln1\",\"action\":\"x\"}}");
        JsonNode result = api.post("/v1/ingest/ecs", ecs.getBytes(StandardCharsets.UTF_8), bearer(LOADER_A)).json();
        assertEquals(3, result.get("read").asInt());
        assertEquals(1, result.get("indexed").asInt());
        assertEquals(2, result.get("rejected").asInt());
        assertTrue(result.at("/errors/0/reason").asText().contains("organization.id 'org-b' is outside"), result.toString());
        assertTrue(result.at("/errors/1/reason").asText().contains("no organization.id"), result.toString());

        api.refresh();
        Set<String> written = new TreeSet<>(TestApi.ids(api.get("/v1/events?startDate=2024-03-01T00:00:00Z&size=1000", bearer(ADMIN))));
        assertTrue(written.contains("la1"), written.toString());
        assertTrue(!written.contains("lb1") && !written.contains("ln1"), "the refused events were not written: " + written);
        assertEquals(2, written.size(), "the ActionHub event of org-a and the ECS event of org-a: " + written);
    }

    @Test
    void theWebPageAndTheApiDescriptionNeedNoToken() throws Exception {
        TestApi.Response page = api.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<input id=\"token\" type=\"password\""), "the page asks for a token");
        HttpResponse<String> script = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api.base + "/ui/api.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode(), "the page's scripts need no token either");
        assertTrue(script.body().contains("sessionStorage.setItem(TOKEN_KEY, token)")
                && script.body().contains("{Authorization: 'Bearer ' + token}"), "and sends it on its own requests");
        assertEquals(200, api.get("/health").status());
        TestApi.Response yaml = api.get("/openapi.yaml");
        assertEquals(200, yaml.status());
        assertTrue(yaml.body().startsWith("openapi: 3"), yaml.body().substring(0, 40));
    }
}
