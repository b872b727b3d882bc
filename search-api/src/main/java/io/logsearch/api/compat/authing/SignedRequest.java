package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.logsearch.api.auth.AccessDenied;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as Authing's SDKs sign it: {@code authorization: authing <accessKeyId>:<signature>},
 * the headers, the path relative to the API's base URL and the signed parameters.
 */
record SignedRequest(String accessKeyId, String signature, String method, String path, Map<String, String> headers,
                     Map<String, JsonNode> parameters) {

    private static final String SCHEME = "authing ";

    SignedRequest {
        headers = Map.copyOf(headers);
        parameters = Map.copyOf(parameters);
    }

    /** The signed request, when the {@code Authorization} header is Authing's; {@code base} is the facade's base path. */
    static Optional<SignedRequest> of(Context ctx, String base) {
        String authorization = Optional.ofNullable(ctx.header("Authorization")).orElse("").trim();
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String credential = authorization.substring(SCHEME.length()).trim();
        int colon = credential.lastIndexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw AccessDenied.unauthenticated("The authorization header must be 'authing <accessKeyId>:<signature>'.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        String path = ctx.path().startsWith(base) ? ctx.path().substring(base.length()) : ctx.path();
        return Optional.of(new SignedRequest(credential.substring(0, colon), credential.substring(colon + 1), ctx.method().name(),
                path, headers, parameters(ctx)));
    }

    /**
     * What the SDK signs besides the headers: the query of a GET, else the JSON body's fields; a
     * body that is not a JSON object signs as none (the handler then refuses it).
     */
    private static Map<String, JsonNode> parameters(Context ctx) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        if (ctx.method().name().equals("GET")) {
            ctx.queryParamMap().forEach((name, values) -> parameters.put(name, AuthingBody.JSON.getNodeFactory().textNode(values.get(0))));
            return parameters;
        }
        String body = ctx.body();
        if (body.isBlank()) {
            return parameters;
        }
        try {
            JsonNode json = AuthingBody.JSON.readTree(body);
            if (json.isObject()) {
                json.fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
            }
        } catch (IOException notJson) {
            return parameters;
        }
        return parameters;
    }
}
