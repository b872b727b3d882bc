package io.logsearch.api.auth;

/**
 * A request refused for who sent it: 401 when it carries no valid token, 403 when the token may
 * not do what was asked. Each facade renders it in its own error style.
 */
public final class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean tokenPresented;

    private AccessDenied(int status, String reason, boolean tokenPresented) {
        super(reason, null, false, false);
        this.status = status;
        this.tokenPresented = tokenPresented;
    }

    static AccessDenied missingToken() {
        return new AccessDenied(401, "This endpoint needs a bearer token: send 'Authorization: Bearer <token>'.", false);
    }

    static AccessDenied invalidToken() {
        return new AccessDenied(401, "The bearer token is not valid.", true);
    }

    /** A 401 for credentials other than a bearer token (a vendor SDK's signature), saying what is wrong with them. */
    public static AccessDenied unauthenticated(String reason) {
        return new AccessDenied(401, reason, true);
    }

    public static AccessDenied forbidden(String reason) {
        return new AccessDenied(403, reason, true);
    }

    public int status() {
        return status;
    }

    /** The {@code WWW-Authenticate} challenge for a 401 (RFC 6750). */
    public String challenge() {
        return tokenPresented
                ? "Bearer realm=\"logsearch\", error=\"invalid_token\", error_description=\"" + getMessage() + "\""
                : "Bearer realm=\"logsearch\"";
    }
}
