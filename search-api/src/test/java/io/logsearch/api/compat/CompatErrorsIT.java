package io.logsearch.api.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.TestApi;
import io.logsearch.api.auth.Tokens;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every facade's errors in its vendor's own shape, media type and status, for every path and method
 * under its base; and Authing's facade driven with requests signed as Authing's Node SDK signs them.
 */
@ExtendWith(RealElasticsearch.class)
class CompatErrorsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "admin-token-0123456789";
    private static final String TEAM = "team-token-0123456789";
    private static final String KEY_ID = "pool-key";
    private static final String SECRET = "pool-key-secret-0123456789";
    private static final String LOGS = "/compat/authing/api/v3/get-user-action-logs";
    private static final String TE = "/compat/thousandeyes/v7/audit-user-events";

    private static TestApi api;
    private static VendorExport authing;
    private static String pool;
    private static String otherPool;

    private record Answer(int status, HttpResponse<String> response, JsonNode json) {
        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    @BeforeAll
    static void start(TestElasticsearch es) throws Exception {
        authing = VendorExport.generate("authing", 90, 10, 23, Instant.parse("2025-05-01T00:00:00Z"));
        pool = authing.records().get(0).context().get("userPoolId");
        otherPool = authing.records().stream().map(r -> r.context().get("userPoolId")).filter(p -> !p.equals(pool)).findFirst()
                .orElseThrow();
        Path file = Files.createTempFile("tokens", ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, """
                {"tokens": [
                  {"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]},
                  {"name": "team", "sha256": "%s", "organizations": ["1234"], "scopes": ["search"]}],
                 "accessKeys": [{"id": "%s", "secret": "%s", "userPool": "%s", "scopes": ["search"]}]}
                """.formatted(Tokens.sha256Hex(ADMIN), Tokens.sha256Hex(TEAM), KEY_ID, SECRET, pool));
        Tokens tokens = Tokens.read(file);
        api = TestApi.start(es, cfg -> cfg.tokens = Optional.of(tokens));
        api.load("authing", SourceContext.EMPTY, authing.text());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Answer send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? VendorExport.JSON.nullNode() : VendorExport.JSON.readTree(response.body());
        return new Answer(response.statusCode(), response, json);
    }

    private static Answer asAdmin(String method, String path, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + ADMIN));
        all.addAll(List.of(headers));
        return send(method, path, body, all.toArray(String[]::new));
    }

    private static Set<String> keys(JsonNode json) {
        Set<String> keys = new TreeSet<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    // ThousandEyes v7 administrative API, /audit-user-events: every error is application/problem+json; 401 is
    // UnauthorizedError {error, error_description}, 400 ValidationError (Error and errors[]), all others Error.
    private static final Set<String> TE_ERROR = Set.of("type", "title", "status", "detail", "instance");

    private static void assertThousandEyesError(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(TE_ERROR, keys(answer.json()), answer.response().body());
        assertEquals(status, answer.json().path("status").asInt());
    }

    @Test
    void thousandEyesErrorsHaveTheSchemaTheOpenApiDocumentDeclaresForTheirStatus() throws Exception {
        Answer unauthorized = send("GET", TE, "");
        assertEquals(401, unauthorized.status());
        assertEquals("application/problem+json", unauthorized.contentType());
        assertEquals(Set.of("error", "error_description"), keys(unauthorized.json()));

        Answer invalid = asAdmin("GET", TE + "?window=soon", "");
        assertEquals(400, invalid.status());
        assertEquals("application/problem+json", invalid.contentType());
        assertEquals(new TreeSet<>(List.of("type", "title", "status", "detail", "instance", "errors")), keys(invalid.json()));
        invalid.json().path("errors").forEach(e -> assertEquals(Set.of("code", "field", "message"), keys(e)));

        assertThousandEyesError(send("GET", TE + "?aid=9999", "", "Authorization", "Bearer " + TEAM), 403);
        assertThousandEyesError(asAdmin("GET", "/compat/thousandeyes/v7/tests", ""), 404);
        assertThousandEyesError(asAdmin("GET", "/compat/thousandeyes/v6/audit-user-events", ""), 404);
        assertThousandEyesError(asAdmin("DELETE", "/compat/thousandeyes/v7/account-groups/1", ""), 404);
        Answer notAllowed = asAdmin("POST", TE, "{}", "Content-Type", "application/json");
        assertThousandEyesError(notAllowed, 405);
        assertEquals(Optional.of("GET, HEAD"), notAllowed.header("Allow"));
    }

    @Test
    void actionHubAnswersUnroutedPathsAndMethodsAsFastApiDoes() throws Exception {
        Answer notFound = asAdmin("GET", "/compat/actionhub/users/u1/profile", "");
        assertEquals(404, notFound.status());
        assertEquals("application/json", notFound.contentType());
        assertEquals(VendorExport.parse("{\"detail\":\"Not Found\"}"), notFound.json());
        Answer notAllowed = asAdmin("POST", "/compat/actionhub/users/u1/events", "{}", "program-id", "p");
        assertEquals(405, notAllowed.status());
        assertEquals(VendorExport.parse("{\"detail\":\"Method Not Allowed\"}"), notAllowed.json());
        assertEquals(Optional.of("GET, HEAD"), notAllowed.header("Allow"));
        assertEquals(401, send("GET", "/compat/actionhub/nothing", "").status(), "credentials are checked first, as everywhere");
        Answer options = asAdmin("OPTIONS", "/compat/actionhub/users/u1/events", "");
        assertEquals(405, options.status());
        assertEquals(VendorExport.parse("{\"detail\":\"Method Not Allowed\"}"), options.json());
        assertEquals(Optional.of("GET, HEAD"), options.header("Allow"));
        Answer head = asAdmin("HEAD", "/compat/actionhub/users/u1/profile", "");
        assertEquals(404, head.status());
        assertEquals("application/json", head.contentType());
        Answer routedHead = asAdmin("HEAD", "/compat/thousandeyes/v7/audit-user-events", "");
        assertEquals(200, routedHead.status(), "HEAD is answered where GET is");
        assertEquals("application/hal+json", routedHead.contentType());
        assertEquals("", routedHead.response().body());
    }

    /** HTTP's methods, one Javalin knows but HTTP does not define (QUERY), WebDAV's, made-up ones and a lowercase one. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "QUERY",
            "PROPFIND", "MKCOL", "FOO", "get");

    private record Facade(String routed, String allow, String unknown, BiConsumer<Answer, Integer> error) {
    }

    @Test
    void everyMethodOnEveryFacadePathIsTheVendorsOwn404Or405WithTheMethodsThePathTakes() throws Exception {
        BiConsumer<Answer, Integer> fastApi = (answer, status) -> assertEquals(
                VendorExport.parse(status == 404 ? "{\"detail\":\"Not Found\"}" : "{\"detail\":\"Method Not Allowed\"}"), answer.json(),
                answer.response().body());
        List<Facade> facades = List.of(
                new Facade(TE, "GET, HEAD", "/compat/thousandeyes/v7/tests", CompatErrorsIT::assertThousandEyesError),
                new Facade("/compat/actionhub/users/u1/events", "GET, HEAD", "/compat/actionhub/users/u1/profile", fastApi),
                new Facade("/compat/onehub/files/1/audit_trail", "GET, HEAD", "/compat/onehub/files/1",
                        (answer, status) -> assertEquals(Set.of("error"), keys(answer.json()), answer.response().body())),
                new Facade(LOGS, "POST", "/compat/authing/api/v3/get-user-list", (answer, status) -> {
                    assertEquals(status, answer.json().path("statusCode").asInt(), answer.response().body());
                    assertEquals(Set.of("statusCode", "message", "requestId"), keys(answer.json()));
                }));
        for (Facade facade : facades) {
            for (String method : METHODS) {
                if (!List.of(facade.allow().split(", ")).contains(method)) {
                    Answer notAllowed = asAdmin(method, facade.routed(), "");
                    String exchange = method + " " + facade.routed() + " -> " + notAllowed.status() + " " + notAllowed.response().body();
                    assertEquals(405, notAllowed.status(), exchange);
                    assertEquals(Optional.of(facade.allow()), notAllowed.header("Allow"), exchange);
                    assertTrue(notAllowed.contentType().startsWith(facade.routed().equals(TE) ? "application/problem+json"
                            : "application/json"), exchange);
                    if (!method.equals("HEAD")) {
                        facade.error().accept(notAllowed, 405);
                    }
                }
                Answer notFound = asAdmin(method, facade.unknown(), "");
                String exchange = method + " " + facade.unknown() + " -> " + notFound.status() + " " + notFound.response().body();
                assertEquals(404, notFound.status(), exchange);
                assertFalse(notFound.header("Allow").isPresent(), exchange);
                if (!method.equals("HEAD")) {
                    facade.error().accept(notFound, 404);
                }
            }
        }
        assertThousandEyesError(asAdmin("PROPFIND", "/compat/thousandeyes/v7/audit-user-events", ""), 405);
        assertEquals(Set.of("error", "error_description"), keys(send("PROPFIND", TE, "").json()), "credentials are checked first");
        assertEquals(401, send("FOO", "/compat/onehub/activity", "").status());
        assertEquals(401, send("get", "/compat/actionhub/nothing", "").status());
        assertEquals(401, send("MKCOL", LOGS, "").json().path("statusCode").asInt());
        assertEquals("FOO is not allowed on /api/v3/get-user-action-logs; use POST", asAdmin("FOO", LOGS, "").json().path("message").asText());
    }

    @Test
    void onehubAnswersUnroutedPathsMethodsAndMediaTypesWithItsErrorObject() throws Exception {
        Answer notFound = asAdmin("GET", "/compat/onehub/workspaces/1/files", "");
        assertEquals(404, notFound.status());
        assertEquals("application/json", notFound.contentType());
        assertEquals(Set.of("error"), keys(notFound.json()));
        Answer notAllowed = asAdmin("DELETE", "/compat/onehub/files/1/audit_trail", "");
        assertEquals(405, notAllowed.status());
        assertEquals(Set.of("error"), keys(notAllowed.json()));
        assertEquals(Optional.of("GET, HEAD"), notAllowed.header("Allow"));
        Answer trace = asAdmin("TRACE", "/compat/onehub/activity/", "");
        assertEquals(405, trace.status(), "TRACE is a method like the others");
        assertEquals(Set.of("error"), keys(trace.json()));
        assertEquals(Optional.of("GET, HEAD"), trace.header("Allow"));
        Answer notJson = asAdmin("GET", "/compat/onehub/activity/", "workspaces=4137", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, notJson.status());
        assertTrue(notJson.json().path("error").asText().contains("must be JSON"), notJson.response().body());
        assertEquals(200, asAdmin("GET", "/compat/onehub/activity/", "{\"page\":1}", "Content-Type", "application/json; charset=utf-8")
                .status());
    }

    @Test
    void authingAnswersBusinessErrorsWithHttp200AndTheRestInItsEnvelopeWithTheirStatus() throws Exception {
        for (Answer business : List.of(send("POST", LOGS, "{}"), asAdmin("POST", LOGS, "{\"pagination\":{\"limit\":51}}"),
                asAdmin("POST", LOGS, "{not json"), send("POST", LOGS, "{}", "Authorization", "Bearer " + TEAM,
                        "x-authing-userpool-id", otherPool))) {
            assertEquals(200, business.status(), business.response().body());
            assertEquals("application/json", business.contentType());
            assertTrue(Set.of(400, 401, 403).contains(business.json().path("statusCode").asInt()), business.response().body());
            assertEquals(Set.of("statusCode", "message", "requestId"), keys(business.json()));
            assertFalse(business.header("WWW-Authenticate").isPresent());
        }
        Answer notFound = asAdmin("POST", "/compat/authing/api/v3/get-user-list", "{}");
        assertEquals(404, notFound.status());
        assertEquals(404, notFound.json().path("statusCode").asInt());
        assertEquals("Cannot POST /api/v3/get-user-list", notFound.json().path("message").asText());
        Answer notAllowed = asAdmin("GET", LOGS, "");
        assertEquals(405, notAllowed.status());
        assertEquals(405, notAllowed.json().path("statusCode").asInt());
        assertEquals(Optional.of("POST"), notAllowed.header("Allow"));
        Answer notJson = asAdmin("POST", LOGS, "eventType=login", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, notJson.status());
        assertEquals(415, notJson.json().path("statusCode").asInt());
        assertEquals("application/json", notJson.contentType());
    }

    // ---- requests signed as Authing's Node SDK signs them ----
    // Follows src/utils/buildSignature.ts of Authing/authing-node-sdk 4.0.2: DEFAULT_HEADERS (lines 110-119),
    // getCanonicalizedHeaders (10-29), getCanonicalizedResource (31-56), buildSignature (74-79),
    // buildStringToSign (81-92), buildAuthorization (94-103); and src/ManagementHttpClient.ts request (lines 23-46),
    // which adds x-authing-lang and date (new Date().toUTCString()) and signs config.url with the body's fields.

    private static Map<String, String> sdkHeaders(Instant date, String nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("content-type", "application/json");
        headers.put("x-authing-signature-nonce", nonce);
        headers.put("x-authing-signature-method", "HMAC-SHA1");
        headers.put("x-authing-signature-version", "1.0");
        headers.put("x-authing-sdk-version", "authing-node-sdk:4.0.2");
        headers.put("x-authing-lang", "zh-CN");
        headers.put("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(date, ZoneOffset.UTC)));
        return headers;
    }

    private static String sdkSignature(String secret, String url, Map<String, String> headers, String body) throws Exception {
        StringBuilder text = new StringBuilder("POST\n");
        new TreeMap<>(headers).forEach((k, v) -> {
            if (k.startsWith("x-authing-") || k.equals("date")) {
                text.append(k).append(':').append(v.trim()).append('\n');
            }
        });
        text.append(url);
        ObjectNode data = (ObjectNode) VendorExport.JSON.readTree(body);
        List<String> parts = new ArrayList<>();
        for (Iterator<String> names = new TreeSet<>(iterable(data.fieldNames())).iterator(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = data.get(name);
            parts.add(name + "=" + (value.isContainerNode() ? VendorExport.JSON.writeValueAsString(value) : value.asText()));
        }
        if (!parts.isEmpty()) {
            text.append('?').append(String.join("&", parts));
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** {@code more}: further headers, signed with the others as the SDK signs every header it sends. */
    private static Answer signed(String keyId, String secret, Instant date, String nonce, String body, String... more) throws Exception {
        Map<String, String> headers = sdkHeaders(date, nonce);
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        String authorization = "authing " + keyId + ":" + sdkSignature(secret, "/api/v3/get-user-action-logs", headers, body);
        List<String> all = new ArrayList<>();
        headers.forEach((k, v) -> all.addAll(List.of(k, v)));
        all.addAll(List.of("authorization", authorization));
        return send("POST", LOGS, body, all.toArray(String[]::new));
    }

    @Test
    void aSignedRequestIsAnsweredWithTheAccessKeysUserPoolAlone() throws Exception {
        List<JsonNode> inPool = authing.records().stream().filter(r -> r.context().get("userPoolId").equals(pool))
                .map(VendorExport.VendorRecord::record).toList();
        Answer answer = signed(KEY_ID, SECRET, Instant.now(), UUID.randomUUID().toString(),
                "{\"success\":null,\"pagination\":{\"page\":1,\"limit\":50}}");
        assertEquals(200, answer.status(), answer.response().body());
        assertEquals(200, answer.json().path("statusCode").asInt(), answer.response().body());
        assertEquals(inPool.size(), answer.json().at("/data/totalCount").asInt());
        Records.assertSameRecords(inPool, iterableOf(answer.json().at("/data/list")));

        Answer otherPoolAsked = signed(KEY_ID, SECRET, Instant.now(), UUID.randomUUID().toString(), "{}",
                "x-authing-userpool-id", otherPool);
        assertEquals(200, otherPoolAsked.status());
        assertEquals(403, otherPoolAsked.json().path("statusCode").asInt(), otherPoolAsked.response().body());
    }

    private static List<JsonNode> iterableOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void aReplayedSkewedOrWronglySignedRequestIsAnAuthing401() throws Exception {
        String nonce = UUID.randomUUID().toString();
        Instant now = Instant.now();
        assertEquals(200, signed(KEY_ID, SECRET, now, nonce, "{}").json().path("statusCode").asInt());
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("was used already", signed(KEY_ID, SECRET, now, nonce, "{}").response().body());
        refusals.put("more than 15 minutes off", signed(KEY_ID, SECRET, now.minusSeconds(16 * 60), "n-" + nonce, "{}").response().body());
        refusals.put("signature does not match", signed(KEY_ID, "guess", now, "w-" + nonce, "{}").response().body());
        refusals.put("is not known", signed("nobody", SECRET, now, "k-" + nonce, "{}").response().body());
        refusals.forEach((reason, body) -> {
            JsonNode json = VendorExport.parse(body);
            assertEquals(401, json.path("statusCode").asInt(), body);
            assertTrue(json.path("message").asText().contains(reason), body);
        });
    }
}
