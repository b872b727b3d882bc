package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;
import java.util.Set;
import java.util.UUID;

/**
 * Authing's envelope for errors: {@code {"statusCode": N, "message": "...", "requestId": "..."}}.
 * Business errors (invalid input, credentials, permissions: 400, 401, 403) come with HTTP 200, as
 * Authing answers them, so that its SDKs hand the envelope back instead of throwing; the others
 * (404, 405, 415, 500, 503) carry their status in the HTTP status line too.
 */
public final class AuthingErrors implements ErrorStyle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> BUSINESS = Set.of(400, 401, 403);

    @Override
    public void write(Context ctx, ApiProblem problem) {
        boolean business = BUSINESS.contains(problem.status());
        if (business) {
            ctx.res().setHeader("WWW-Authenticate", null);
        }
        ctx.status(business ? 200 : problem.status()).contentType("application/json").result(JSON.createObjectNode()
                .put("statusCode", problem.status())
                .put("message", problem.detail())
                .put("requestId", UUID.randomUUID().toString())
                .toString());
    }
}
