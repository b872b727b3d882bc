package io.logsearch.api.compat.onehub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;

/** Onehub's errors: the status, and an error message in the body, {@code {"error": "..."}}. */
public final class OnehubErrors implements ErrorStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(Context ctx, ApiProblem problem) {
        ctx.status(problem.status()).contentType("application/json")
                .result(JSON.createObjectNode().put("error", problem.detail()).toString());
    }
}
