package io.logsearch.api.compat;

import io.javalin.config.JavalinState;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;
import io.logsearch.api.ProblemBoundary;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.compat.actionhub.ActionHubErrors;
import io.logsearch.api.compat.actionhub.ActionHubUserEvents;
import io.logsearch.api.compat.authing.AuthingActionLogs;
import io.logsearch.api.compat.authing.AuthingAuthentication;
import io.logsearch.api.compat.authing.AuthingErrors;
import io.logsearch.api.compat.authing.AuthingManagementToken;
import io.logsearch.api.compat.authing.ManagementTokens;
import io.logsearch.api.compat.onehub.OnehubActivity;
import io.logsearch.api.compat.onehub.OnehubErrors;
import io.logsearch.api.compat.thousandeyes.ThousandEyesAuditEvents;
import io.logsearch.api.compat.thousandeyes.ThousandEyesErrors;
import io.logsearch.api.events.Cursors;
import io.logsearch.storage.EventSearch;
import java.time.Clock;
import java.util.List;

/** The vendor facades under {@code <prefix>/compat/{source}/}, each with its vendor's paths and error style. */
public final class CompatRoutes {

    private CompatRoutes() {
    }

    public static void register(JavalinState state, String prefix, AccessControl access, EventSearch search, Cursors cursors,
            byte[] serverSecret) {
        String compat = prefix + "/compat";
        ThousandEyesErrors thousandEyes = new ThousandEyesErrors();
        state.routes.get(compat + "/thousandeyes/v7/audit-user-events",
                route(access::authenticate, new ThousandEyesAuditEvents(search, cursors), thousandEyes));
        // any other path under the ThousandEyes base URL: the vendor's 404, which its clients can read
        state.routes.get(compat + "/thousandeyes/v7/<path>", route(access::authenticate, ctx -> {
            throw new ApiProblem(404, "URI Resource Not Found", "No resource at " + ctx.path()
                    + ": logsearch serves only /v7/audit-user-events of the ThousandEyes API", List.of());
        }, thousandEyes));

        state.routes.get(compat + "/actionhub/users/{user_id}/events",
                route(access::authenticate, new ActionHubUserEvents(search), new ActionHubErrors()));

        OnehubErrors onehub = new OnehubErrors();
        Handler activity = route(access::authenticate, OnehubActivity.activity(search), onehub);
        state.routes.get(compat + "/onehub/activity", activity);
        state.routes.get(compat + "/onehub/activity/", activity);
        state.routes.get(compat + "/onehub/files/{id}/audit_trail",
                route(access::authenticate, OnehubActivity.fileAuditTrail(search), onehub));

        AuthingErrors authing = new AuthingErrors();
        ManagementTokens managementTokens = new ManagementTokens(serverSecret, Clock.systemUTC());
        state.routes.post(compat + "/authing/api/v3/get-management-token",
                route(ctx -> { }, new AuthingManagementToken(access, managementTokens), authing));
        state.routes.post(compat + "/authing/api/v3/get-user-action-logs",
                route(new AuthingAuthentication(access, managementTokens), new AuthingActionLogs(search), authing));
    }

    /**
     * A vendor facade's route: authenticates (as the native API does, unless the vendor has its own
     * credentials), and answers every failure (401/403, validation, Elasticsearch down) in the
     * vendor's own error style.
     */
    private static Handler route(Authentication authentication, Handler handler, ErrorStyle style) {
        return ProblemBoundary.guard(ctx -> {
            authentication.authenticate(ctx);
            handler.handle(ctx);
        }, style);
    }
}
