package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

class OpenApiContractTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, List<String>> TOKEN = Map.of("Authorization", List.of("Bearer s3cret"));

    private static final List<String> FILTERS = List.of("eventType", "window", "startDate", "endDate", "success",
            "clientIp", "userId", "organizationId", "appId", "requestId", "source", "category", "type", "q", "exclude");

    private static final String EVENT = """
            {"@timestamp":"2024-05-01T12:00:00.123456789Z",
             "event":{"id":"e1","kind":"event","action":"Login failed.","outcome":"failure",
                      "category":["authentication"],"type":["start"],"dataset":"thousandeyes.audit",
                      "provider":"thousandeyes","ingested":"2024-05-01T12:00:03Z",
                      "original":"{\\"event\\":\\"Login failed.\\"}"},
             "message":"Login failed.",
             "user":{"id":"1234567","full_name":"Jane Doe","email":"jane.doe@example.com"},
             "client":{"ip_range":"99.128.0.0/11","address":"99.128.0.0/11"},
             "related":{"user":["1234567"]},
             "organization":{"id":"75","name":"Example Corp"},
             "thousandeyes":{"resources":[{"type":"test","name":"HTTP"}],"a_vendor_field":1}}""";

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Invalid request","status":400,"detail":"size: must be between 1 and 1000",
             "instance":"/v1/events","errors":[{"field":"size","message":"must be between 1 and 1000"}]}""";

    private static String events(String event, String envelopeExtra) {
        return """
                {"events":[%s],"startDate":"2024-04-30T12:00:00Z","endDate":"2024-05-01T12:00:00Z",
                 "total":{"value":1342,"relation":"gte"},
                 "_links":{"self":{"href":"/v1/events?size=1"},"next":{"href":"/v1/events?size=1&cursor=abc"}}%s}"""
                .formatted(event, envelopeExtra);
    }

    /** Fails unless {@code check} fails for the reason named by {@code expected}. */
    private static void assertBreaks(String expected, Executable check) {
        AssertionError error = assertThrows(AssertionError.class, check);
        assertTrue(error.getMessage().contains(expected), () -> "expected '" + expected + "' in:\n" + error.getMessage());
    }

    // --- the document ---

    @Test
    void documentParsesWithoutMessages() {
        SwaggerParseResult parsed = OpenApiContract.parse();
        assertEquals(List.of(), parsed.getMessages());
        assertNotNull(parsed.getOpenAPI());
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
    }

    @Test
    void documentsEveryEndpoint() {
        assertEquals(Set.of("/v1/events", "/v1/events/histogram", "/v1/events/top", "/v1/events/export",
                        "/v1/access", "/v1/ingest/{source}", "/v1/integrity", "/health", "/openapi.yaml", "/",
                        "/compat/thousandeyes/v7/audit-user-events", "/compat/actionhub/users/{user_id}/events",
                        "/compat/onehub/activity/", "/compat/onehub/files/{id}/audit_trail",
                        "/compat/authing/api/v3/get-management-token", "/compat/authing/api/v3/get-user-action-logs"),
                api().getPaths().keySet());
    }

    @Test
    void onlyHealthTheWebPageThisDocumentAndTheAuthingTokenExchangeAreOpenWithoutAToken() {
        OpenAPI api = api();
        assertEquals(List.of(new SecurityRequirement().addList("bearerAuth")), api.getSecurity());
        operations((path, operation) -> {
            if (List.of("/health", "/", "/openapi.yaml", "/compat/authing/api/v3/get-management-token").contains(path)) {
                assertEquals(List.of(), operation.getSecurity(), path);
            } else {
                assertNull(operation.getSecurity(), () -> path + " overrides the global security");
            }
        });
    }

    @Test
    void theFourEventEndpointsTakeTheSameFilters() {
        for (String path : List.of("/v1/events", "/v1/events/histogram", "/v1/events/top", "/v1/events/export", "/v1/access")) {
            List<String> names = api().getPaths().get(path).getGet().getParameters().stream()
                    .map(Parameter::getName)
                    .toList();
            assertEquals(FILTERS, names.subList(0, FILTERS.size()), path);
        }
    }

    @Test
    void everyJsonResponseHasAnExample() {
        operations((path, operation) -> operation.getResponses().forEach((status, response) ->
                content(response).forEach((type, media) -> {
                    if (type.endsWith("json")) {
                        assertNotNull(media.getExample(), () -> path + " " + status + " " + type + " has no example");
                    }
                })));
    }

    @TestFactory
    List<DynamicTest> everyDocumentedExampleValidates() {
        List<DynamicTest> tests = new ArrayList<>();
        api().getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String path = withPathParameters(template, operation);
            String pathAndQuery = path + query(requiredQuery(operation));
            operation.getResponses().forEach((status, response) -> content(response).forEach((type, media) -> {
                if (media.getExample() != null) {
                    tests.add(DynamicTest.dynamicTest(method + " " + template + " " + status + " " + type, () ->
                            OpenApiContract.assertValid(method.name(), pathAndQuery, Integer.parseInt(status),
                                    headers(response, type), text(media.getExample()))));
                }
            }));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    if (media.getExample() != null) {
                        Map<String, List<String>> headers = new LinkedHashMap<>(TOKEN);
                        headers.put("Content-Type", List.of(type));
                        tests.add(DynamicTest.dynamicTest(method + " " + template + " request " + type, () ->
                                OpenApiContract.assertValidRequest(method.name(), pathAndQuery, headers,
                                        text(media.getExample()))));
                    }
                });
            }
            parameters(operation, "query").stream().filter(p -> p.getExample() != null).forEach(parameter -> {
                List<String> pairs = new ArrayList<>(requiredQuery(operation));
                JsonNode example = Json.mapper().valueToTree(parameter.getExample());
                (example.isArray() ? example : List.of(example)).forEach(value ->
                        pairs.add(parameter.getName() + "=" + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8)));
                tests.add(DynamicTest.dynamicTest(method + " " + template + " ?" + parameter.getName() + " example", () ->
                        OpenApiContract.assertValidRequest(method.name(), path + query(pairs), TOKEN)));
            });
        }));
        assertFalse(tests.isEmpty());
        return tests;
    }

    // --- responses ---

    @Test
    void aValidEventsResponsePasses() {
        OpenApiContract.assertValid("GET",
                "/v1/events?eventType=Login%20failed.&eventType=viewed&source=thousandeyes&clientIp=99.128.0.0/11"
                        + "&startDate=1714564800000&endDate=2024-05-01T12:00:00Z&success=false&size=1&order=asc"
                        + "&includeOriginal=true",
                200, "application/json; charset=utf-8", events(EVENT, ""));
    }

    @Test
    void anExtraEnvelopeFieldFails() {
        assertBreaks("validation.response.body.schema.additionalProperties", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 200, JSON, events(EVENT, ",\"took\":3")));
    }

    @Test
    void aMissingRequiredFieldFails() {
        String withoutTimestamp = EVENT.replace("\"@timestamp\":\"2024-05-01T12:00:00.123456789Z\",", "");
        assertBreaks("validation.response.body.schema.required", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 200, JSON, events(withoutTimestamp, "")));
    }

    @Test
    void anUnknownOutcomeFails() {
        String outcome = EVENT.replace("\"outcome\":\"failure\"", "\"outcome\":\"failed\"");
        assertBreaks("validation.response.body.schema.enum", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 200, JSON, events(outcome, "")));
    }

    @Test
    void aTimestampThatIsNotADateTimeFails() {
        String timestamp = EVENT.replace("2024-05-01T12:00:00.123456789Z", "2024-05-01 12:00");
        assertBreaks("validation.response.body.schema.format", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 200, JSON, events(timestamp, "")));
    }

    @Test
    void aSuccessfulResponseToAForbiddenRequestFails() {
        assertBreaks("validation.request.parameter.schema.minimum", () ->
                OpenApiContract.assertValid("GET", "/v1/events?size=0", 200, JSON, events(EVENT, "")));
        assertBreaks("validation.request.parameter.schema.pattern", () ->
                OpenApiContract.assertValid("GET", "/v1/events?window=24x", 200, JSON, events(EVENT, "")));
        assertBreaks("validation.request.parameter.query.missing", () ->
                OpenApiContract.assertValid("GET", "/v1/events/top", 200, JSON, "{\"field\":\"userId\",\"buckets\":[]}"));
    }

    @Test
    void aSuccessfulResponseToAnUndocumentedParameterFails() {
        assertBreaks("validation.request.parameter.query.unexpected", () ->
                OpenApiContract.assertValid("GET", "/v1/events/histogram?size=10", 200, JSON,
                        "{\"interval\":\"1h\",\"buckets\":[]}"));
    }

    @Test
    void aProblemAnsweringAForbiddenRequestPasses() {
        OpenApiContract.assertValid("GET", "/v1/events?size=0&sise=10", 400, PROBLEM_JSON, PROBLEM);
    }

    @Test
    void aProblemWithoutStatusFails() {
        assertBreaks("validation.response.body.schema.required", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 400, PROBLEM_JSON, PROBLEM.replace("\"status\":400,", "")));
    }

    @Test
    void aProblemWithAnotherStatusThanTheResponseFails() {
        assertBreaks("validation.response.body.problem.status", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 404, PROBLEM_JSON, PROBLEM));
    }

    @Test
    void requiredResponseHeadersAreChecked() {
        String unauthorized = PROBLEM.replace("400", "401");
        assertBreaks("validation.response.header.missing", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 401, PROBLEM_JSON, unauthorized));
        OpenApiContract.assertValid("GET", "/v1/events", 401, Map.of(
                "content-type", List.of(PROBLEM_JSON), "www-authenticate", List.of("Bearer realm=\"logsearch\"")),
                unauthorized);

        String unavailable = "{\"status\":\"unavailable\",\"elasticsearch\":{\"status\":\"unreachable\"}}";
        assertBreaks("validation.response.header.missing", () ->
                OpenApiContract.assertValid("GET", "/health", 503, JSON, unavailable));
        OpenApiContract.assertValid("GET", "/health", 503,
                Map.of("Content-Type", List.of(JSON), "Retry-After", List.of("10")), unavailable);
        OpenApiContract.assertValid("GET", "/health", 503,
                Map.of("Content-Type", List.of(JSON), "Retry-After", List.of("10")), unavailable.replace("unreachable", "unauthorized"));
    }

    @Test
    void healthStatusesHaveTheirOwnShapes() {
        assertBreaks("validation.response.body.schema.enum", () ->
                OpenApiContract.assertValid("GET", "/health", 200, JSON,
                        "{\"status\":\"ok\",\"elasticsearch\":{\"status\":\"unreachable\",\"cluster\":\"c\"}}"));
    }

    @Test
    void healthCarriesTheServedPollersState() {
        String counts = "{\"read\":500,\"indexed\":500,\"duplicates\":0,\"rejected\":0}";
        String waiting = "{\"name\":\"pollers[0] (thousandeyes)\",\"source\":\"thousandeyes\",\"checkpoint\":\"thousandeyes http://h/v7 aid= useAllPermittedAids=false\","
                + "\"state\":\"waiting\",\"runs\":1,\"failedRuns\":0,\"lastRunStarted\":\"2026-12-04T01:00:00Z\",\"lastRunEnded\":\"2026-12-04T01:00:02Z\","
                + "\"lastSuccess\":\"2026-12-04T01:00:02Z\",\"nextRun\":\"2026-12-04T01:01:02Z\",\"lastRun\":" + counts + ",\"total\":" + counts + "}";
        String stopped = "{\"name\":\"pollers[1] (onehub)\",\"source\":\"onehub\",\"checkpoint\":\"onehub http://h workspaces=\",\"state\":\"stopped\","
                + "\"runs\":1,\"failedRuns\":1,\"error\":\"onehub refused the bearer token\",\"total\":" + counts.replace("500", "0") + "}";
        String health = "{\"status\":\"ok\",\"elasticsearch\":{\"status\":\"green\",\"cluster\":\"c\"},\"pollers\":[" + waiting + "," + stopped + "]}";
        OpenApiContract.assertValid("GET", "/health", 200, JSON, health);
        assertBreaks("validation.response.body.schema.enum", () ->
                OpenApiContract.assertValid("GET", "/health", 200, JSON, health.replace("\"waiting\"", "\"sleeping\"")));
    }

    @Test
    void anUndocumentedStatusPathOrContentTypeFails() {
        assertBreaks("validation.response.status.unknown", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 418, PROBLEM_JSON, PROBLEM.replace("400", "418")));
        assertBreaks("validation.request.path.missing", () ->
                OpenApiContract.assertValid("GET", "/v1/nothing", 200, JSON, "{}"));
        assertBreaks("validation.response.contentType.notAllowed", () ->
                OpenApiContract.assertValid("GET", "/v1/events", 200, "text/plain", "no"));
    }

    @Test
    void exportBodiesAreCheckedLineByLine() {
        String ndjson = EVENT.replace("\n", "") + "\n" + EVENT.replace("\n", "") + "\n";
        OpenApiContract.assertValid("GET", "/v1/events/export?format=ndjson", 200, download("application/x-ndjson", "ndjson"), ndjson);
        String secondBroken = ndjson.replaceFirst("(?s)(.*)\"kind\":\"event\",", "$1");
        assertBreaks("line 2", () ->
                OpenApiContract.assertValid("GET", "/v1/events/export", 200, download("application/x-ndjson", "ndjson"), secondBroken));

        String header = "@timestamp,event.provider,event.action,event.outcome,user.id,user.name,user.full_name,user.email,client.ip,"
                + "client.address,organization.id,organization.name,event.dataset,message";
        OpenApiContract.assertValid("GET", "/v1/events/export?format=csv", 200, download("text/csv", "csv"), header + "\r\n");
        assertBreaks("validation.response.body.schema.pattern", () ->
                OpenApiContract.assertValid("GET", "/v1/events/export?format=csv", 200, download("text/csv", "csv"),
                        header.replace("user.email,", "") + "\n"));
        assertBreaks("validation.response.header.missing", () ->
                OpenApiContract.assertValid("GET", "/v1/events/export?format=csv", 200, "text/csv", header + "\r\n"));
    }

    @Test
    void aProblemForAnExchangeTheDocumentCannotDescribeIsCheckedAgainstTheProblemSchema() {
        String notFound = PROBLEM.replace("400", "404");
        OpenApiContract.assertProblem(404, Map.of("Content-Type", List.of(PROBLEM_JSON)), notFound);
        OpenApiContract.assertProblem(405, Map.of("Content-Type", List.of(PROBLEM_JSON), "Allow", List.of("GET")),
                PROBLEM.replace("400", "405"));
        assertBreaks("a 405 without Allow", () ->
                OpenApiContract.assertProblem(405, Map.of("Content-Type", List.of(PROBLEM_JSON)), PROBLEM.replace("400", "405")));
        assertBreaks("is not the HTTP status", () ->
                OpenApiContract.assertProblem(404, Map.of("Content-Type", List.of(PROBLEM_JSON)), PROBLEM));
        assertBreaks("not application/problem+json", () ->
                OpenApiContract.assertProblem(404, Map.of("Content-Type", List.of("text/html")), notFound));
        assertBreaks("additionalProperties", () ->
                OpenApiContract.assertProblem(404, Map.of("Content-Type", List.of(PROBLEM_JSON)), notFound.replace("{", "{\"stack\":\"at x\",")));
    }

    private static Map<String, List<String>> download(String contentType, String extension) {
        return Map.of("Content-Type", List.of(contentType),
                "Content-Disposition", List.of("attachment; filename=\"logsearch-events_2024-05-01T00-00-00Z_2024-05-31T23-59-59.999Z." + extension + "\""));
    }

    // --- requests ---

    @Test
    void requestsNeedABearerTokenExceptForHealth() {
        OpenApiContract.assertValidRequest("GET", "/v1/events?userId=u1&userId=u2", TOKEN);
        OpenApiContract.assertValidRequest("GET", "/health", Map.of());
        assertBreaks("validation.request.security.missing", () ->
                OpenApiContract.assertValidRequest("GET", "/v1/events", Map.of()));
        assertBreaks("validation.request.security.invalid", () ->
                OpenApiContract.assertValidRequest("GET", "/v1/events/top?field=userId",
                        Map.of("Authorization", List.of("Basic dTpw"))));
    }

    @Test
    void ingestRequestsAreChecked() {
        Map<String, List<String>> ndjson = new LinkedHashMap<>(TOKEN);
        ndjson.put("Content-Type", List.of("application/x-ndjson"));
        OpenApiContract.assertValidRequest("POST", "/v1/ingest/actionhub?userId=u1&programId=p1", ndjson,
                "{\"timestamp\":\"2024-05-01T12:00:00Z\"}\n[1,2]\n");
        assertBreaks("validation.request.body.schema.invalidJson", () ->
                OpenApiContract.assertValidRequest("POST", "/v1/ingest/actionhub", ndjson, "{}\nnot json\n"));
        assertBreaks("validation.request.parameter.schema.enum", () ->
                OpenApiContract.assertValidRequest("POST", "/v1/ingest/splunk", ndjson, "{}\n"));
        assertBreaks("validation.request.body.missing", () ->
                OpenApiContract.assertValidRequest("POST", "/v1/ingest/onehub", TOKEN));
    }

    // --- helpers ---

    private static OpenAPI api() {
        return OpenApiContract.parse().getOpenAPI();
    }

    private static void operations(BiConsumer<String, Operation> each) {
        api().getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> each.accept(path, operation)));
    }

    private static Map<String, MediaType> content(ApiResponse response) {
        return response.getContent() == null ? Map.of() : response.getContent();
    }

    /** Each path parameter takes its first allowed value, or its example when any value is allowed. */
    private static String withPathParameters(String template, Operation operation) {
        String path = template;
        for (Parameter parameter : parameters(operation, "path")) {
            Object value = parameter.getSchema().getEnum() == null ? parameter.getExample() : parameter.getSchema().getEnum().get(0);
            assertNotNull(value, () -> template + " path parameter " + parameter.getName() + " has neither an enum nor an example");
            path = path.replace("{" + parameter.getName() + "}", String.valueOf(value));
        }
        return path;
    }

    /** Each required query parameter takes its first allowed value. */
    private static List<String> requiredQuery(Operation operation) {
        return parameters(operation, "query").stream()
                .filter(p -> Boolean.TRUE.equals(p.getRequired()))
                .map(p -> p.getName() + "=" + p.getSchema().getEnum().get(0))
                .toList();
    }

    private static String query(List<String> pairs) {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static List<Parameter> parameters(Operation operation, String in) {
        return operation.getParameters() == null ? List.of()
                : operation.getParameters().stream().filter(p -> p.getIn().equals(in)).toList();
    }

    /** The content type, and each header the response documents with its example. */
    private static Map<String, List<String>> headers(ApiResponse response, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, header) -> headers.put(name, List.of(String.valueOf(header.getExample()))));
        }
        return headers;
    }

    private static String text(Object example) throws Exception {
        return example instanceof String text ? text : Json.mapper().writeValueAsString(example);
    }
}
