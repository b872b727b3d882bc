package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.compat.JsonContent;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Authing's JSON request bodies, read as its API reads them: the first invalid field is a 400 in
 * Authing's envelope (see {@link AuthingErrors}).
 */
final class AuthingBody {

    static final ObjectMapper JSON = new ObjectMapper();

    private AuthingBody() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonNode of(Context ctx) {
        JsonContent.require(ctx);
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode body = JSON.readTree(text);
            if (body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            throw invalid("the request body is not JSON");
        }
        throw invalid("the request body must be a JSON object");
    }

    /** A string field; blank counts as not given, and any other type is invalid. */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return Optional.of(value.asText()).filter(v -> !v.isBlank());
    }

    /** A JSON number with a whole value, as JavaScript reads it ({@code 10} and {@code 10.0} alike), that fits a long. */
    static Optional<Long> wholeNumber(JsonNode value) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.decimalValue().longValueExact());
        } catch (ArithmeticException notWholeOrTooLarge) {
            return Optional.empty();
        }
    }

    static ApiProblem invalid(String message) {
        return new ApiProblem(400, "Bad Request", message, List.of());
    }
}
