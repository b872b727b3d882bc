package io.logsearch.api.auth;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Authenticates a request by a credential a vendor facade issued for the token named
     * {@code tokenName}, and remembers the caller; throws {@link AccessDenied} (401) when that
     * token is no longer configured.
     */
    public Caller authenticateAs(Context ctx, String tokenName) {
        Caller caller = tokens.map(t -> t.named(tokenName).orElseThrow(AccessDenied::invalidToken)).orElse(Caller.UNRESTRICTED);
        ctx.attribute(ATTRIBUTE, caller);
        return caller;
    }

    /**
     * The caller whose token is {@code secret} and whose name is {@code name}, as a vendor's
     * key-and-secret exchange presents them; without tokens, anyone.
     */
    public Caller identify(String name, String secret) {
        return tokens.map(t -> t.authenticate(secret).filter(caller -> caller.name().equals(name))
                .orElseThrow(AccessDenied::invalidToken)).orElse(Caller.UNRESTRICTED);
    }

    /**
     * Authenticates a request signed with an access key: {@code verified} checks the signature
     * with the key's secret (throwing {@link AccessDenied}), and the key's caller is remembered.
     * Without tokens anyone may call and nothing is checked; an unknown key id is a 401.
     */
    public Caller authenticateSigned(Context ctx, String accessKeyId, Consumer<AccessKey> verified) {
        Caller caller = tokens.map(t -> {
            AccessKey key = t.accessKey(accessKeyId).orElseThrow(() ->
                    AccessDenied.unauthenticated("The access key '" + accessKeyId + "' is not known."));
            verified.accept(key);
            return key.caller();
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

    /** The caller found for this request, if the access check ran (the access log's token name). */
    public static Optional<Caller> identified(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
