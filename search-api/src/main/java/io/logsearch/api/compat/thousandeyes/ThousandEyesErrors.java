package io.logsearch.api.compat.thousandeyes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;

/**
 * ThousandEyes' error shapes, as its v7 administrative OpenAPI document declares them for
 * {@code /audit-user-events}, all {@code application/problem+json}: {@code UnauthorizedError}
 * {@code {error, error_description}} for 401; {@code ValidationError} (the {@code Error} fields and
 * {@code errors[]} of {@code code}, {@code field}, {@code message}) for 400; {@code Error}
 * {@code {type, title, status, detail, instance}} for every other status.
 */
public final class ThousandEyesErrors implements ErrorStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(Context ctx, ApiProblem problem) {
        ObjectNode body = JSON.createObjectNode();
        if (problem.status() == 401) {
            body.put("error", "invalid_token").put("error_description", problem.detail());
        } else {
            body.put("type", "about:blank")
                    .put("title", problem.status() == 400 ? "Request validation failed. There are invalid or missing fields" : problem.title())
                    .put("status", problem.status())
                    .put("detail", problem.detail())
                    .put("instance", ctx.path());
            if (problem.status() == 400 && !problem.errors().isEmpty()) {
                ArrayNode errors = body.putArray("errors");
                problem.errors().forEach(e -> errors.addObject().put("code", "LOGSEARCH-400").put("field", e.field()).put("message", e.message()));
            }
        }
        ctx.status(problem.status()).contentType("application/problem+json").result(body.toString());
    }
}
