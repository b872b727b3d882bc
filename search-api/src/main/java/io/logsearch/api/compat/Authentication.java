package io.logsearch.api.compat;

import io.javalin.http.Context;

/** How a facade finds the caller of a request; throws {@link io.logsearch.api.auth.AccessDenied} to refuse it. */
@FunctionalInterface
public interface Authentication {

    void authenticate(Context ctx);
}
