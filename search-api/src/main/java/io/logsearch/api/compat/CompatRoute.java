package io.logsearch.api.compat;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.StorageErrors;
import io.logsearch.api.auth.AccessDenied;
import java.io.IOException;
import java.util.List;

/**
 * A vendor facade's route: authenticates (as the native API does, unless the vendor has its own
 * credentials), and answers every failure
 * (401/403, validation, Elasticsearch down) in the vendor's own error style.
 */
public final class CompatRoute implements Handler {

    private final Authentication authentication;
    private final Handler handler;
    private final ErrorStyle style;

    public CompatRoute(Authentication authentication, Handler handler, ErrorStyle style) {
        this.authentication = authentication;
        this.handler = handler;
        this.style = style;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        try {
            authentication.authenticate(ctx);
            handler.handle(ctx);
        } catch (AccessDenied denied) {
            if (denied.status() == 401) {
                ctx.header("WWW-Authenticate", denied.challenge());
            }
            style.write(ctx, new ApiProblem(denied.status(), denied.status() == 401 ? "Unauthorized" : "Forbidden",
                    denied.getMessage(), List.of()));
        } catch (ApiProblem problem) {
            if (problem.status() == 503) {
                ctx.header("Retry-After", "10");
            }
            style.write(ctx, problem);
        } catch (IOException | RuntimeException e) {
            ApiProblem problem = StorageErrors.translate(e);
            if (problem.status() == 503) {
                ctx.header("Retry-After", "10");
            }
            style.write(ctx, problem);
        }
    }
}
