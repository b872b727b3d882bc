package io.logsearch.api.auth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Finds the caller of each request. Without tokens everyone is {@link Caller#UNRESTRICTED}; with
 * tokens a request needs {@code Authorization: Bearer <token>} naming a known token.
 */
public final class AccessControl {

    private static final String ATTRIBUTE = "logsearch.caller";

    private final Optional<Tokens> tokens;

    public AccessControl(Optional<Tokens> tokens) {
        this.tokens = tokens;
    }


    /** Authenticates the request and remembers the caller on it; throws {@link AccessDenied} (401). */
    public Caller authenticate(Context ctx) {
        Caller caller = tokens.map(t -> {
            String header = ctx.header("Authorization");
            if (header == null || header.isBlank()) {
                throw AccessDenied.missingToken();
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
                throw AccessDenied.invalidToken();
            }
            return t.authenticate(header.substring(7).trim()).orElseThrow(AccessDenied::invalidToken);
        }).orElse(Caller.UNRESTRICTED);
        ctx.attribute(ATTRIBUTE, caller);
        return caller;
    }

    /** The caller {@link #authenticate} found for this request. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + ctx.path() + ": the access check did not run");
        }
        return caller;
    }

    /** Throws 403 unless the caller has {@code scope}. */
    public static Caller require(Context ctx, Scope scope) {
        Caller caller = caller(ctx);
        if (!caller.has(scope)) {
            throw AccessDenied.forbidden("The token '" + caller.name() + "' lacks the '" + scope.text() + "' scope.");
        }
        return caller;
    }
}
