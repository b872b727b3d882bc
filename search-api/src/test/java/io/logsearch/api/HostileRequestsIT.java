package io.logsearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.HostileInput.Param;
import io.logsearch.api.auth.Tokens;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based hostile requests (jqwik) against the real server on a real Elasticsearch, through
 * a {@link RecordingProxy}: every parameter of every endpoint, {@code /v1} and each {@code /compat}
 * path, with junk values ({@link HostileInput#junk}), unknown and repeated parameters, invalid
 * percent-encoding, wrong methods, content types and bodies. Every answer is checked by
 * {@link HostileInput#assertWellAnswered} and every request Elasticsearch saw by
 * {@link HostileInput#assertUserTextOnlyAsValues}. 200 tries a property.
 */
@PropertyDefaults(tries = 200)
class HostileRequestsIT {

    static final String ADMIN = "hostile-admin-token-0123456789";
    private static final List<String> EVENTS_PARAMS = names("size", "order", "cursor", "includeOriginal");
    private static final List<String> HISTOGRAM_PARAMS = names("interval");
    private static final List<String> TOP_PARAMS = names("field", "size");
    private static final List<String> EXPORT_PARAMS = names("format", "order", "includeOriginal");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "QUERY",
            "PROPFIND", "MKCOL", "FOO", "get", "X<>");

    /** The paths of openapi.yaml, which judges every exchange on them. */
    private static final java.util.regex.Pattern GOT = java.util.regex.Pattern.compile("/v1/events(/histogram|/top|/export)?"
            + "|/health|/openapi\\.yaml|/|/compat/thousandeyes/v7/audit-user-events|/compat/actionhub/users/[^/]+/events"
            + "|/compat/onehub/activity/|/compat/onehub/files/[^/]+/audit_trail");
    private static final java.util.regex.Pattern POSTED = java.util.regex.Pattern.compile(
            "/v1/ingest/[^/]+|/compat/authing/api/v3/get-(management-token|user-action-logs)");

    /**
     * A control character, percent-encoded: the server trims them off the ends of a value as white
     * space (and refuses them inside), where openapi.yaml's patterns refuse them anywhere.
     */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("%(0[0-9A-Fa-f]|1[0-9A-Fa-f]|7[Ff])");

    static TestElasticsearch es;
    static RecordingProxy proxy;
    static TestApi api;
    static int port;
    static String aid;
    static String program;
    static String programUser;
    static String workspace;
    static String file;
    static String pool;

    @BeforeContainer
    static void start() throws Exception {
        es = RealElasticsearch.forClass(HostileRequestsIT.class);
        proxy = RecordingProxy.to(es.url());
        Path tokens = Files.createTempFile("hostile-tokens", ".json");
        Files.writeString(tokens, """
                {"tokens": [{"name": "admin", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]}]}"""
                .formatted(Tokens.sha256Hex(ADMIN)));
        Tokens read = Tokens.read(tokens);
        Files.delete(tokens);
        api = TestApi.start(es, proxy.url(), cfg -> {
            cfg.tokens = Optional.of(read);
            cfg.maxIngestBytes = 64 * 1024;
        });
        port = URI.create(api.base).getPort();
        Instant until = Instant.parse("2025-05-01T00:00:00Z");
        String thousandEyes = export("thousandeyes", until);
        String actionHub = export("actionhub", until);
        String onehub = export("onehub", until);
        String authing = export("authing", until);
        api.load("thousandeyes", SourceContext.EMPTY, thousandEyes);
        api.load("actionhub", SourceContext.EMPTY, actionHub);
        api.load("onehub", SourceContext.EMPTY, onehub);
        api.load("authing", SourceContext.EMPTY, authing);
        aid = firstLine(thousandEyes).at("/auditEvents/0/aid").asText();
        program = firstLine(actionHub).path("program_id").asText();
        programUser = firstLine(actionHub).path("user_id").asText();
        workspace = firstLine(onehub).at("/items/0/event/workspace_id").asText();
        file = firstLine(onehub).at("/items/0/event/object_id").asText();
        pool = firstLine(authing).path("userPoolId").asText();
        proxy.drain();
    }

    @AfterContainer
    static void stop() throws Exception {
        api.close();
        proxy.close();
        RealElasticsearch.remove(es);
    }

    private static String export(String source, Instant until) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource(source).write(new GeneratorSpec(60, 7, 15, until), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode firstLine(String export) throws Exception {
        return HostileInput.JSON.readTree(export.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow());
    }

    private static List<String> names(String... own) {
        return Stream.concat(io.logsearch.api.events.FilterParams.NAMES.stream(), Stream.of(own)).sorted().toList();
    }

    /** Sends one request, checks the answer and what reached Elasticsearch. */
    static TestApi.Response exchange(String method, String target, byte[] body, List<String> userTexts, String... headers) {
        proxy.drain();
        TestApi.Response response = RawHttp.send(port, method, target, body, headers);
        HostileInput.assertWellAnswered(method, target, response);
        String path = target.replaceAll("\\?.*", "");
        if (HostileInput.decodable(target) && (method.equals("GET") || method.equals("POST"))
                && (method.equals("POST") ? POSTED : GOT).matcher(path).matches()
                && !response.body().isEmpty() && !HostileInput.refusedBeforeRouting(response)
                && !(response.status() / 100 == 2 && CONTROL.matcher(target).find())) {
            // the facades ignore query parameters their vendors do not know, as the vendors do
            OpenApiContract.assertValid(method, path.startsWith("/compat/") ? path : target, response.status(), response.headers(),
                    response.body());
        }
        HostileInput.assertUserTextOnlyAsValues(proxy.drain(), userTexts, es.indexBase());
        return response;
    }

    static String[] admin(String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + ADMIN;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    @Provide
    Arbitrary<String> v1Path() {
        return Arbitraries.of("/v1/events", "/v1/events/histogram", "/v1/events/top", "/v1/events/export");
    }

    @Provide
    Arbitrary<List<Param>> eventsParams() {
        return HostileInput.params(EVENTS_PARAMS);
    }

    @Provide
    Arbitrary<List<Param>> histogramParams() {
        return HostileInput.params(HISTOGRAM_PARAMS);
    }

    @Provide
    Arbitrary<List<Param>> topParams() {
        return HostileInput.params(TOP_PARAMS);
    }

    @Provide
    Arbitrary<List<Param>> exportParams() {
        return HostileInput.params(EXPORT_PARAMS);
    }

    /** A valid filter to start from, so junk also meets the code paths behind the checks. */
    @Provide
    Arbitrary<List<Param>> validFilters() {
        return Arbitraries.of(List.<Param>of(), List.of(new Param("window", "3650d", false)),
                List.of(new Param("startDate", "2025-04-20", false), new Param("endDate", "2025-05-01", false)),
                List.of(new Param("source", "authing", false), new Param("success", "false", false)),
                List.of(new Param("field", "userId", false)), List.of(new Param("interval", "1h", false),
                        new Param("window", "30d", false)),
                List.of(new Param("startDate", "0000-01-01", false), new Param("endDate", "0001-01-01", false)),
                List.of(new Param("endDate", "9999-12-31", false), new Param("interval", "3650d", false)),
                List.of(new Param("clientIp", "0.0.0.0/0", false), new Param("eventType", "login", false)));
    }

    @Property
    void eventsSearch(@ForAll("validFilters") List<Param> valid, @ForAll("eventsParams") List<Param> junk) {
        v1("/v1/events", valid, junk);
    }

    @Property
    void histogram(@ForAll("validFilters") List<Param> valid, @ForAll("histogramParams") List<Param> junk) {
        v1("/v1/events/histogram", valid, junk);
    }

    @Property
    void top(@ForAll("validFilters") List<Param> valid, @ForAll("topParams") List<Param> junk) {
        v1("/v1/events/top", valid, junk);
    }

    @Property
    void export(@ForAll("validFilters") List<Param> valid, @ForAll("exportParams") List<Param> junk) {
        v1("/v1/events/export", valid, junk);
    }

    private static void v1(String path, List<Param> valid, List<Param> junk) {
        List<Param> all = new ArrayList<>(valid);
        all.addAll(junk);
        exchange("GET", path + HostileInput.query(all), new byte[0], HostileInput.texts(junk), admin());
    }

    @Provide
    Arbitrary<String> ingestSource() {
        return Arbitraries.oneOf(Arbitraries.of("actionhub", "thousandeyes", "onehub", "authing", "ecs"),
                HostileInput.junk().map(HostileInput::encode));
    }

    @Provide
    Arbitrary<byte[]> ingestBody() {
        return Arbitraries.oneOf(
                HostileInput.junk().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of("{\"auditEvents\":[{\"aid\":\"1\",\"date\":\"x\"}]}", "[{}]", "{\"history\":[]}", "[]", "{",
                        "\uFEFF{}", "{\"@timestamp\":\"2025-04-30T00:00:00Z\",\"event\":{\"id\":\"h1\"}}").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(64 * 1024 + 1, 300 * 1024).map(n -> "[".repeat(n).getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/x-ndjson", "text/plain", "application/xml", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/json; charset=utf-16", "*/*", "junk", "");
    }

    @Property
    void ingest(@ForAll("ingestSource") String source, @ForAll("ingestParams") List<Param> params, @ForAll("ingestBody") byte[] body,
                @ForAll("contentType") String type, @ForAll boolean gzipHeader) {
        List<String> headers = new ArrayList<>(List.of(admin()));
        if (!type.isEmpty()) {
            headers.addAll(List.of("Content-Type", type));
        }
        if (gzipHeader) {
            headers.addAll(List.of("Content-Encoding", "gzip"));
        }
        exchange("POST", "/v1/ingest/" + source + HostileInput.query(params), body, HostileInput.texts(params),
                headers.toArray(String[]::new));
    }

    @Provide
    Arbitrary<List<Param>> ingestParams() {
        return HostileInput.params(List.of("userId", "programId", "userPoolId"));
    }

    @Provide
    Arbitrary<List<Param>> thousandEyesParams() {
        return HostileInput.params(List.of("aid", "useAllPermittedAids", "window", "startDate", "endDate", "cursor"));
    }

    @Property
    void thousandEyes(@ForAll("thousandEyesParams") List<Param> params, @ForAll boolean withAid) {
        List<Param> all = new ArrayList<>(withAid ? List.of(new Param("aid", aid, false)) : List.of());
        all.addAll(params);
        exchange("GET", "/compat/thousandeyes/v7/audit-user-events" + HostileInput.query(all), new byte[0], HostileInput.texts(params),
                admin());
    }

    @Provide
    Arbitrary<String> headerJunk() {
        return HostileInput.junk().map(s -> s.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", "").trim())
                .filter(s -> s.length() < 4000);
    }

    @Property
    void actionHub(@ForAll("pathSegment") String user, @ForAll("headerJunk") String programId, @ForAll boolean validUser,
                   @ForAll boolean validProgram, @ForAll("unknownParams") List<Param> params) {
        String path = "/compat/actionhub/users/" + (validUser ? programUser : user) + "/events" + HostileInput.query(params);
        List<String> texts = new ArrayList<>(HostileInput.texts(params));
        texts.add(HostileInput.decoded(user));
        texts.add(programId);
        exchange("GET", path, new byte[0], texts, admin("program-id", validProgram ? program : programId));
    }

    @Provide
    Arbitrary<String> pathSegment() {
        return HostileInput.junk().map(s -> s.length() > 2000 ? s.substring(0, 2000) : s).map(HostileInput::encode);
    }

    @Provide
    Arbitrary<List<Param>> unknownParams() {
        return HostileInput.param(List.of("user_id", "program-id", "limit", "page")).list().ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<Param>> onehubParams() {
        return HostileInput.params(List.of("workspaces", "workspaces[]", "verbs", "verbs[]", "actor", "filter_self", "start_time",
                "end_time", "page"));
    }

    @Provide
    Arbitrary<JsonNode> jsonJunk() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                HostileInput.junk().map(s -> HostileInput.JSON.getNodeFactory().textNode(s)),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(25).negate(), java.math.BigInteger.TEN.pow(25))
                        .map(n -> HostileInput.JSON.getNodeFactory().numberNode(n)),
                Arbitraries.doubles().map(d -> HostileInput.JSON.getNodeFactory().numberNode(d)),
                Arbitraries.of(HostileInput.JSON.getNodeFactory().nullNode(), HostileInput.JSON.getNodeFactory().booleanNode(true),
                        HostileInput.JSON.getNodeFactory().arrayNode(), HostileInput.JSON.getNodeFactory().objectNode()));
        return Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(l -> HostileInput.JSON.getNodeFactory().arrayNode().addAll(l)));
    }

    @Provide
    Arbitrary<ObjectNode> onehubBody() {
        return body(List.of("workspaces", "verbs", "actor", "filter_self", "start_time", "end_time", "page", "unknown"));
    }

    private Arbitrary<ObjectNode> body(List<String> fields) {
        return Combinators.combine(Arbitraries.of(fields).list().uniqueElements().ofMaxSize(4), jsonJunk().list().ofSize(4))
                .as((names, values) -> {
                    ObjectNode body = HostileInput.JSON.createObjectNode();
                    for (int i = 0; i < names.size(); i++) {
                        body.set(names.get(i), values.get(i));
                    }
                    return body;
                });
    }

    @Property
    void onehubActivity(@ForAll("onehubParams") List<Param> params, @ForAll("onehubBody") ObjectNode body, @ForAll boolean sendBody,
                        @ForAll("contentType") String type) {
        List<String> texts = new ArrayList<>(HostileInput.texts(params));
        texts.addAll(textsOf(body));
        List<String> headers = new ArrayList<>(List.of(admin()));
        if (sendBody && !type.isEmpty()) {
            headers.addAll(List.of("Content-Type", type));
        }
        exchange("GET", "/compat/onehub/activity/" + HostileInput.query(params),
                sendBody ? body.toString().getBytes(StandardCharsets.UTF_8) : new byte[0], texts, headers.toArray(String[]::new));
    }

    @Property
    void onehubAuditTrail(@ForAll("pathSegment") String id, @ForAll boolean validId, @ForAll("onehubParams") List<Param> params) {
        List<String> texts = new ArrayList<>(HostileInput.texts(params));
        texts.add(HostileInput.decoded(id));
        exchange("GET", "/compat/onehub/files/" + (validId ? file : id) + "/audit_trail" + HostileInput.query(params), new byte[0],
                texts, admin());
    }

    @Provide
    Arbitrary<ObjectNode> authingBody() {
        return Combinators.combine(body(List.of("requestId", "clientIp", "eventType", "userId", "appId", "start", "end", "success",
                "pagination", "unknown")), body(List.of("page", "limit", "other")), Arbitraries.of(true, false)).as((body, pagination, nest) -> {
                    if (nest) {
                        body.set("pagination", pagination);
                    }
                    return body;
                });
    }

    @Property
    void authing(@ForAll("authingBody") ObjectNode body, @ForAll("headerJunk") String userPool, @ForAll boolean withPool,
                 @ForAll("contentType") String type, @ForAll("unknownParams") List<Param> params) {
        List<String> texts = new ArrayList<>(textsOf(body));
        texts.addAll(HostileInput.texts(params));
        List<String> headers = new ArrayList<>(List.of(admin()));
        if (withPool) {
            headers.addAll(List.of("x-authing-userpool-id", userPool.isEmpty() ? pool : userPool));
            texts.add(userPool);
        }
        if (!type.isEmpty()) {
            headers.addAll(List.of("Content-Type", type));
        }
        exchange("POST", "/compat/authing/api/v3/get-user-action-logs" + HostileInput.query(params),
                body.toString().getBytes(StandardCharsets.UTF_8), texts, headers.toArray(String[]::new));
    }

    @Provide
    Arbitrary<String> anyPath() {
        return Arbitraries.oneOf(Arbitraries.of("/v1/events", "/v1/events/histogram", "/v1/events/top", "/v1/events/export",
                        "/v1/ingest/ecs", "/v1/ingest/../events", "/v1/events/%2e%2e/events", "/v1/", "/v1/events/", "/compat/",
                        "/compat/thousandeyes/v7/audit-user-events", "/compat/thousandeyes/v7/../v6/x",
                        "/compat/actionhub/users/u/events", "/compat/onehub/activity/", "/compat/onehub/activity",
                        "/compat/onehub/files/1/audit_trail", "/compat/authing/api/v3/get-user-action-logs",
                        "/compat/authing/api/v3/get-management-token", "/health", "/openapi.yaml", "/", "/ui/%2e%2e/%2e%2e/etc/passwd",
                        "/v1/%zz", "/compat/thousandeyes/%E0%A4%A", "//v1//events", "/v1/events;jsessionid=1"),
                Combinators.combine(Arbitraries.of("/v1/", "/compat/thousandeyes/v7/", "/compat/actionhub/", "/compat/onehub/",
                        "/compat/authing/"), pathSegment()).as(String::concat));
    }

    @Property
    void anyMethodOnAnyPath(@ForAll("anyPath") String path, @ForAll("method") String method, @ForAll("contentType") String type,
                            @ForAll("ingestBody") byte[] body, @ForAll boolean authorized) {
        List<String> headers = new ArrayList<>(authorized ? List.of(admin()) : List.of("Authorization", "Bearer junk"));
        if (!type.isEmpty()) {
            headers.addAll(List.of("Content-Type", type));
        }
        exchange(method, path, method.equals("GET") || method.equals("HEAD") ? new byte[0] : body, List.of(),
                headers.toArray(String[]::new));
    }

    /** Request lines and headers that are not HTTP: Jetty refuses them before any route, as problem+json too. */
    @Property
    void malformedRequests(@ForAll("anyPath") String path, @ForAll("junkTarget") String junk, @ForAll("badMethod") String method,
                           @ForAll boolean hugeHeader) {
        String[] headers = hugeHeader ? admin("X-Junk", "j".repeat(140_000)) : admin("X-Junk", "a\u0001b");
        TestApi.Response response;
        try {
            response = RawHttp.send(port, method, path + junk, new byte[0], headers);
        } catch (java.io.UncheckedIOException closed) {
            // bytes HTTP does not allow in a request line: Jetty may close the connection without a word, which leaks nothing
            return;
        }
        HostileInput.assertWellAnswered(method, "/v1/malformed", response);
    }

    @Provide
    Arbitrary<String> junkTarget() {
        return Arbitraries.of("", "?q=a b", "?q=\"<>\"", "?q=a\u0001", "?q=" + "x".repeat(140_000), " HTTP/1.0", "#frag", "?q=é");
    }

    @Provide
    Arbitrary<String> badMethod() {
        return Arbitraries.of("GET", "X<>", "G:T", "GET\u0001");
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of(METHODS);
    }

    private static List<String> textsOf(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.fields().forEachRemaining(f -> {
            texts.add(f.getKey());
            texts.addAll(textsOf(f.getValue()));
        });
        if (node.isArray()) {
            node.forEach(n -> texts.addAll(textsOf(n)));
        }
        return texts;
    }
}
