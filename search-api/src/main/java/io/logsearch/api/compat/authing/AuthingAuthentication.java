package io.logsearch.api.compat.authing;

import io.javalin.http.Context;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.compat.Authentication;
import java.util.Optional;

/**
 * Authing's management SDK sends the access token it got from
 * {@code get-management-token} as the bare {@code Authorization} value; a logsearch bearer token
 * is accepted as on every other endpoint.
 */
public final class AuthingAuthentication implements Authentication {

    private final AccessControl access;
    private final ManagementTokens tokens;

    public AuthingAuthentication(AccessControl access, ManagementTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public void authenticate(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").trim();
        String credential = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header;
        Optional<String> tokenName = tokens.verify(credential);
        if (tokenName.isPresent()) {
            access.authenticateAs(ctx, tokenName.get());
        } else {
            access.authenticate(ctx);
        }
    }
}
