package io.logsearch.api;

import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;

/** How one vendor API shapes its error responses; a facade answers every error in its vendor's style. */
@FunctionalInterface
public interface ErrorStyle {

    /** Writes {@code problem} (status, message, invalid fields) as the vendor would. */
    void write(Context ctx, ApiProblem problem);
}
