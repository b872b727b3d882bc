package io.logsearch.api.compat.authing;

import io.javalin.http.Context;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.compat.Authentication;
import java.util.Optional;

/**
 * The credentials Authing's SDKs send: a request signed with an access key
 * ({@code authorization: authing <accessKeyId>:<signature>}, as the Node SDK does), or the access
 * token the Java SDK got from {@code get-management-token} as the bare {@code Authorization}
 * value; a logsearch bearer token is accepted as on every other endpoint.
 */
public final class AuthingAuthentication implements Authentication {

    private final AccessControl access;
    private final ManagementTokens tokens;
    private final RequestSignatures signatures;
    private final String base;

    /** @param base the facade's base path, which the SDK's host stands for, e.g. {@code /compat/authing} */
    public AuthingAuthentication(AccessControl access, ManagementTokens tokens, RequestSignatures signatures, String base) {
        this.access = access;
        this.tokens = tokens;
        this.signatures = signatures;
        this.base = base;
    }

    @Override
    public void authenticate(Context ctx) {
        Optional<SignedRequest> signed = SignedRequest.of(ctx, base);
        if (signed.isPresent()) {
            access.authenticateSigned(ctx, signed.get().accessKeyId(), key -> signatures.verify(signed.get(), key));
            return;
        }
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
