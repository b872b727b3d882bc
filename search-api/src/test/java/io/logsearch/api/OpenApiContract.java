package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.util.ContentTypeUtils;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks HTTP exchanges against the hand-written {@code openapi.yaml} served at
 * {@code GET /openapi.yaml}, failing the test with the validator's messages. Paths are relative to
 * where the API is mounted.
 *
 * <p>Beyond what swagger-request-validator checks, bodies it skips are checked too:
 * {@code application/x-ndjson} line by line against the media type's schema (which describes one
 * line), other non-JSON bodies as one string (so a CSV header can be a schema pattern); and a
 * problem's {@code status} must be the HTTP status.
 */
public final class OpenApiContract {

    public static final String RESOURCE = "/io/logsearch/api/openapi.yaml";

    private static final String NDJSON = "application/x-ndjson";
    private static final String PROBLEM = "application/problem+json";
    /** A long export breaking on every line would otherwise bury the first, telling message. */
    private static final int REPORTED_ERRORS = 20;

    /**
     * Keys {@link #assertValid} cannot judge: a captured response comes without the request's
     * headers and body.
     */
    private static final List<String> UNKNOWN_REQUEST_PARTS = List.of(
            "validation.request.security.", "validation.request.body.", "validation.request.contentType.",
            "validation.request.parameter.header.");

    private OpenApiContract() {
    }

    /** Built on first use, so that a broken document still lets {@link #parse()} report its messages. */
    private static final class Holder {

        static final OpenAPI API = load();
        static final MessageResolver MESSAGES = new MessageResolver();
        static final SchemaValidator SCHEMAS = new SchemaValidator(API, MESSAGES);
        static final ObjectMapper JSON = new ObjectMapper();
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createFor(API)
                // the server answers an undocumented query parameter with 400, so a 2xx means the document lacks it
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .withCustomRequestValidation(OpenApiContract::requestBodyBeyondJson)
                .withCustomResponseValidation(OpenApiContract::responseBodyBeyondJson)
                .withCustomResponseValidation(OpenApiContract::problemStatus)
                .build();

        /**
         * Loads the document as the validator would, then gives each operation without its own
         * {@code security} the document's: swagger-request-validator 2.x checks only
         * operation-level requirements.
         */
        private static OpenAPI load() {
            OpenAPI api = new OpenApiLoader().loadApi(SpecSource.inline(document()), List.of(), parseOptions());
            api.getPaths().values().forEach(path -> path.readOperations().stream()
                    .filter(operation -> operation.getSecurity() == null)
                    .forEach(operation -> operation.setSecurity(api.getSecurity())));
            return api;
        }
    }

    /** The document's text, as the server serves it. */
    public static String document() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document parsed and resolved as the validator uses it; its messages list every problem found. */
    public static SwaggerParseResult parse() {
        return new OpenAPIV3Parser().readContents(document(), List.of(), parseOptions());
    }

    /** swagger-request-validator's own. */
    private static ParseOptions parseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        return options;
    }

    /**
     * Fails unless the response is one the document allows for this request. For a 2xx response
     * the request line is checked too: a parameter the document forbids should have been a 400.
     *
     * @param pathAndQuery e.g. {@code /v1/events?eventType=a&eventType=b&size=10}
     * @param body         the response body; empty for none
     */
    public static void assertValid(String method, String pathAndQuery, int status, String contentType, String body) {
        assertValid(method, pathAndQuery, status, Map.of("Content-Type", List.of(contentType)), body);
    }

    /**
     * As {@link #assertValid(String, String, int, String, String)}, with all response headers
     * (e.g. {@code java.net.http.HttpHeaders#map()}), so that required ones such as
     * {@code WWW-Authenticate} on a 401 and {@code Retry-After} on a 503 are checked.
     */
    public static void assertValid(String method, String pathAndQuery, int status,
                                   Map<String, List<String>> headers, String body) {
        Request request = request(method, pathAndQuery, Map.of(), "");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = status / 100 == 2
                ? Holder.VALIDATOR.validate(request, response.build())
                : Holder.VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response.build());
        failOnErrors(method + " " + pathAndQuery + " -> " + status, report, UNKNOWN_REQUEST_PARTS);
    }

    /**
     * For an exchange the document cannot describe (a path it lacks, a method a path does not
     * take): fails unless the response is {@code application/problem+json} of the document's
     * {@code Problem} schema, with the HTTP status as its {@code status}, and a 405 names the
     * allowed methods in {@code Allow}.
     */
    public static void assertProblem(int status, Map<String, List<String>> headers, String body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        List<String> errors = new ArrayList<>();
        if (!lower.getOrDefault("content-type", "").startsWith(PROBLEM)) {
            errors.add("content type is " + lower.get("content-type") + ", not " + PROBLEM);
        }
        if (status == 405 && lower.getOrDefault("allow", "").isBlank()) {
            errors.add("a 405 without Allow");
        }
        Holder.SCHEMAS.validate(body, Holder.API.getComponents().getSchemas().get("Problem"), "response.body").getMessages()
                .forEach(m -> errors.add(describe(m)));
        try {
            JsonNode problemStatus = Holder.JSON.readTree(body).path("status");
            if (problemStatus.intValue() != status) {
                errors.add("the problem's status " + problemStatus + " is not the HTTP status " + status);
            }
        } catch (IOException notJson) {
            errors.add("not JSON: " + body);
        }
        if (!errors.isEmpty()) {
            fail(status + " " + body + " is not a problem of openapi.yaml:\n  " + String.join("\n  ", errors));
        }
    }

    /** Fails unless the document allows this request without a body, bearer token included. */
    public static void assertValidRequest(String method, String pathAndQuery, Map<String, List<String>> headers) {
        assertValidRequest(method, pathAndQuery, headers, "");
    }

    /**
     * Fails unless the document allows this request, bearer token and body included.
     *
     * @param headers with {@code Content-Type} when there is a body
     * @param body    empty for none
     */
    public static void assertValidRequest(String method, String pathAndQuery, Map<String, List<String>> headers,
                                          String body) {
        ValidationReport report = Holder.VALIDATOR.validateRequest(request(method, pathAndQuery, headers, body));
        failOnErrors(method + " " + pathAndQuery, report, List.of());
    }

    private static Request request(String method, String pathAndQuery, Map<String, List<String>> headers,
                                   String body) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
        if (question >= 0) {
            queryParameters(pathAndQuery.substring(question + 1)).forEach(request::withQueryParam);
        }
        headers.forEach(request::withHeader);
        if (!body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    /** Repeated names become one multi-valued parameter, as the API reads them. */
    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static ValidationReport requestBodyBeyondJson(Request request, ApiOperation operation) {
        RequestBody documented = operation.getOperation().getRequestBody();
        Optional<String> body = text(request.getRequestBody());
        if (documented == null || documented.getContent() == null || body.isEmpty()) {
            return ValidationReport.empty();
        }
        Content content = documented.getContent();
        return bodyBeyondJson(content, ContentTypeUtils.findMostSpecificMatch(request, content.keySet()),
                body.get(), "request.body");
    }

    private static ValidationReport responseBodyBeyondJson(Response response, ApiOperation operation) {
        Optional<ApiResponse> documented = documented(response, operation);
        Optional<String> body = text(response.getResponseBody());
        if (documented.isEmpty() || documented.get().getContent() == null || body.isEmpty()) {
            return ValidationReport.empty();
        }
        Content content = documented.get().getContent();
        return bodyBeyondJson(content, ContentTypeUtils.findMostSpecificMatch(response, content.keySet()),
                body.get(), "response.body");
    }

    /** The validator checks JSON bodies itself and skips the others; these it leaves to us. */
    private static ValidationReport bodyBeyondJson(Content content, Optional<String> matched, String body,
                                                   String keyPrefix) {
        if (matched.isEmpty() || ContentTypeUtils.isJsonContentType(matched.get())) {
            return ValidationReport.empty();
        }
        MediaType mediaType = content.get(matched.get());
        if (mediaType.getSchema() == null) {
            return ValidationReport.empty();
        }
        if (!matched.get().equals(NDJSON)) {
            return Holder.SCHEMAS.validate(() -> TextNode.valueOf(body), mediaType.getSchema(), keyPrefix);
        }
        List<ValidationReport.Message> messages = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            Holder.SCHEMAS.validate(lines[i], mediaType.getSchema(), keyPrefix).getMessages()
                    .forEach(m -> messages.add(m.withAdditionalInfo(where)));
        }
        return ValidationReport.from(messages);
    }

    /** RFC 9457: a problem's {@code status} repeats the HTTP status it came with. */
    private static ValidationReport problemStatus(Response response, ApiOperation operation) {
        Optional<String> body = text(response.getResponseBody());
        if (response.getContentType().filter(type -> type.startsWith(PROBLEM)).isEmpty() || body.isEmpty()) {
            return ValidationReport.empty();
        }
        JsonNode status;
        try {
            status = Holder.JSON.readTree(body.get()).path("status");
        } catch (IOException notJson) {
            return ValidationReport.empty(); // the body's schema check reports it
        }
        if (!status.isInt() || status.intValue() == response.getStatus()) {
            return ValidationReport.empty();
        }
        return ValidationReport.singleton(Holder.MESSAGES.create("validation.response.body.problem.status",
                "The problem's status " + status.intValue() + " is not the HTTP status " + response.getStatus() + "."));
    }

    private static Optional<String> text(Optional<Body> body) {
        if (body.isEmpty() || !body.get().hasBody()) {
            return Optional.empty();
        }
        try {
            return Optional.of(body.get().toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ApiResponse> documented(Response response, ApiOperation operation) {
        return Optional.ofNullable(operation.getOperation().getResponses())
                .map(responses -> responses.get(String.valueOf(response.getStatus())));
    }

    private static void failOnErrors(String exchange, ValidationReport report, List<String> ignoredKeyPrefixes) {
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> ignoredKeyPrefixes.stream().noneMatch(m.getKey()::startsWith))
                .toList();
        if (!errors.isEmpty()) {
            String more = errors.size() > REPORTED_ERRORS ? "\n  … and " + (errors.size() - REPORTED_ERRORS) + " more" : "";
            fail(errors.stream()
                    .limit(REPORTED_ERRORS)
                    .map(OpenApiContract::describe)
                    .collect(Collectors.joining("\n", exchange + " breaks openapi.yaml:\n", more)));
        }
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder("  ").append(message.getKey()).append(": ").append(message.getMessage());
        message.getAdditionalInfo().forEach(info -> text.append("\n    ").append(info));
        return text.toString();
    }
}
