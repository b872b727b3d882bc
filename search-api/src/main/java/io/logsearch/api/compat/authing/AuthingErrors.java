package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;
import java.util.UUID;

/** Authing's envelope for errors: {@code {"statusCode": N, "message": "...", "requestId": "..."}}. */
public final class AuthingErrors implements ErrorStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(Context ctx, ApiProblem problem) {
        ctx.status(problem.status()).contentType("application/json").result(JSON.createObjectNode()
                .put("statusCode", problem.status())
                .put("message", problem.detail())
                .put("requestId", UUID.randomUUID().toString())
                .toString());
    }
}
