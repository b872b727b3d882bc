package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.Caller;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /compat/authing/api/v3/get-management-token}: Authing's key-and-secret exchange, so
 * that Authing's management SDK can sign in. {@code accessKeyId} is a logsearch token's name and
 * {@code accessKeySecret} the token itself; without tokens configured any pair is accepted.
 */
public final class AuthingManagementToken implements Handler {

    private final AccessControl access;
    private final ManagementTokens tokens;

    public AuthingManagementToken(AccessControl access, ManagementTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        JsonNode body = AuthingBody.of(ctx);
        String keyId = AuthingBody.text(body, "accessKeyId").orElseThrow(() -> missing("accessKeyId"));
        String secret = AuthingBody.text(body, "accessKeySecret").orElseThrow(() -> missing("accessKeySecret"));
        Caller caller = access.identify(keyId, secret);
        String response = AuthingBody.JSON.createObjectNode()
                .put("statusCode", 200)
                .put("message", "")
                .put("requestId", UUID.randomUUID().toString())
                .set("data", AuthingBody.JSON.createObjectNode()
                        .put("access_token", tokens.issue(caller.name()))
                        .put("expires_in", ManagementTokens.LIFETIME.toSeconds()))
                .toString();
        ctx.contentType("application/json").result(response);
    }

    private static ApiProblem missing(String field) {
        return new ApiProblem(400, "Bad Request", field + " is required", List.of());
    }
}
