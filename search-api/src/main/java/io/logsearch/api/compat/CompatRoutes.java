package io.logsearch.api.compat;

import io.javalin.config.JavalinState;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.compat.actionhub.ActionHubErrors;
import io.logsearch.api.compat.actionhub.ActionHubUserEvents;
import io.logsearch.api.compat.authing.AuthingActionLogs;
import io.logsearch.api.compat.authing.AuthingAuthentication;
import io.logsearch.api.compat.authing.AuthingErrors;
import io.logsearch.api.compat.authing.AuthingManagementToken;
import io.logsearch.api.compat.authing.ManagementTokens;
import io.logsearch.api.compat.authing.RequestSignatures;
import io.logsearch.api.compat.onehub.OnehubActivity;
import io.logsearch.api.compat.onehub.OnehubErrors;
import io.logsearch.api.compat.thousandeyes.ThousandEyesAuditEvents;
import io.logsearch.api.compat.thousandeyes.ThousandEyesErrors;
import io.logsearch.api.events.Cursors;
import io.logsearch.storage.EventSearch;
import java.time.Clock;
import java.util.Map;

/**
 * The vendor facades under {@code <prefix>/compat/{source}/}, each with its vendor's paths and error
 * style, for every path and method under its base (404 and 405 too, methods outside HTTP's own
 * included).
 */
public final class CompatRoutes {

    private CompatRoutes() {
    }

    /**
     * Registers the facades; returns each one's base path with its answer for the requests under it
     * that no route can take (a method Javalin does not know), for {@link io.logsearch.api.ProblemBoundary#answerUnmatched}.
     */
    public static Map<String, Handler> register(JavalinState state, String prefix, AccessControl access, EventSearch search,
            Cursors cursors, byte[] serverSecret) {
        String compat = prefix + "/compat";
        Handler thousandEyes = new FacadeRoutes(state, compat + "/thousandeyes", access::authenticate, new ThousandEyesErrors())
                .add(HandlerType.GET, "/v7/audit-user-events", new ThousandEyesAuditEvents(search, cursors))
                .answerTheRest("URI Resource Not Found", ctx -> "No resource at " + ctx.path()
                        + ": logsearch serves only /v7/audit-user-events of the ThousandEyes API",
                        ctx -> ctx.req().getMethod() + " is not supported on " + ctx.path() + "; use " + ctx.res().getHeader("Allow"));

        Handler actionHub = new FacadeRoutes(state, compat + "/actionhub", access::authenticate, new ActionHubErrors())
                .add(HandlerType.GET, "/users/{user_id}/events", new ActionHubUserEvents(search))
                .answerTheRest("Not Found", ctx -> "Not Found", ctx -> "Method Not Allowed");

        OnehubActivity activity = OnehubActivity.activity(search);
        Handler onehub = new FacadeRoutes(state, compat + "/onehub", access::authenticate, new OnehubErrors())
                .add(HandlerType.GET, "/activity", activity)
                .add(HandlerType.GET, "/activity/", activity)
                .add(HandlerType.GET, "/files/{id}/audit_trail", OnehubActivity.fileAuditTrail(search))
                .answerTheRest("Not Found", ctx -> "Not Found", ctx -> "Method Not Allowed");

        String authing = compat + "/authing";
        ManagementTokens managementTokens = new ManagementTokens(serverSecret, Clock.systemUTC());
        Handler authingRest = new FacadeRoutes(state, authing, new AuthingAuthentication(access, managementTokens,
                new RequestSignatures(Clock.systemUTC()), authing), new AuthingErrors())
                .add(HandlerType.POST, "/api/v3/get-management-token", ctx -> { }, new AuthingManagementToken(access, managementTokens))
                .add(HandlerType.POST, "/api/v3/get-user-action-logs", new AuthingActionLogs(search))
                .answerTheRest("Not Found", ctx -> "Cannot " + ctx.req().getMethod() + " " + ctx.path().substring(authing.length()),
                        ctx -> ctx.req().getMethod() + " is not allowed on " + ctx.path().substring(authing.length()) + "; use "
                                + ctx.res().getHeader("Allow"));
        return Map.of(compat + "/thousandeyes", thousandEyes, compat + "/actionhub", actionHub, compat + "/onehub", onehub,
                authing, authingRest);
    }
}
