package io.logsearch.api.compat.onehub;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.PageNumbers;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.FieldCondition;
import io.logsearch.storage.query.NumberedPage;
import io.logsearch.storage.query.TimeRange;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Onehub's event listings: {@code GET /compat/onehub/activity/} (a user's events across
 * workspaces) and {@code GET /compat/onehub/files/{id}/audit_trail} (a file's events, for
 * moderators and above), 30 per page as the vendor pages them. Invalid parameters are a 400 before
 * any 403, so a caller learns what is wrong with the request first.
 */
public final class OnehubActivity implements Handler {

    /** Onehub's roles rank Administrator, Moderator, Collaborator, Creator, Downloader, Printer, Viewer. */
    private static final Set<String> MODERATOR_OR_ABOVE = Set.of("moderator", "administrator");
    private static final String NARROWING = "start_time and end_time, workspaces, verbs or actor";

    private final EventSearch search;
    private final boolean auditTrail;

    private OnehubActivity(EventSearch search, boolean auditTrail) {
        this.search = search;
        this.auditTrail = auditTrail;
    }

    public static OnehubActivity activity(EventSearch search) {
        return new OnehubActivity(search, false);
    }

    public static OnehubActivity fileAuditTrail(EventSearch search) {
        return new OnehubActivity(search, true);
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        OnehubParams params = OnehubParams.of(ctx);
        EventFilter.Builder filter = EventFilter.builder().sources(List.of(OnehubPage.SOURCE));
        int page = params.page();
        if (auditTrail) {
            params.throwIfInvalid();
            String file = ctx.pathParam("id");
            if (!file.matches("\\d{1,18}")) {
                throw new ApiProblem(404, "Not Found", "No file " + file, List.of());
            }
            requireModerator(caller);
            filter.condition(FieldCondition.anyOf("onehub.file.id", List.of(file)));
        } else {
            List<String> workspaces = activityFilter(params, caller, filter);
            params.throwIfInvalid();
            workspaces.stream().filter(w -> !caller.canSee(w)).findFirst().ifPresent(w -> {
                throw AccessDenied.forbidden("Not allowed to read workspace " + w);
            });
        }
        NumberedPage results = PageNumbers.fetch(search, filter.build(), caller.visibility(), page, OnehubPage.PER_PAGE, "page", NARROWING);

        ctx.contentType("application/json").result(OnehubPage.render(results, page));
    }

    /** Reads the activity filters into {@code filter}; returns the workspaces asked for, for the scope check. */
    private static List<String> activityFilter(OnehubParams params, Caller caller, EventFilter.Builder filter) {
        List<String> workspaces = params.integers("workspaces");
        filter.organizationIds(workspaces);
        List<String> verbs = params.list("verbs");
        verbs.stream().filter(v -> !OnehubParams.VERBS.containsKey(v)).forEach(v ->
                params.error("verbs", "unknown verb '" + v + "'; available verbs are create, upload, read, download, update, delete and invite"));
        filter.eventTypes(verbs.stream().filter(OnehubParams.VERBS::containsKey).map(OnehubParams.VERBS::get).toList());
        filter.userIds(params.integers("actor"));
        if (params.bool("filter_self")) {
            caller.userId().ifPresentOrElse(self -> filter.condition(FieldCondition.noneOf("user.id", List.of(self))),
                    () -> params.error("filter_self", "filter_self needs a token bound to a user (its userId)"));
        }
        Optional<Instant> start = params.time("start_time", caller.timeZone().orElse(ZoneOffset.UTC));
        Optional<Instant> end = params.time("end_time", caller.timeZone().orElse(ZoneOffset.UTC));
        filter.range(TimeRange.resolve(start, end, Optional.empty(), Instant.now(), (bound, refusal) -> {
            if (refusal == TimeRange.Refusal.END_BEFORE_START) {
                params.error("end_time", "end_time is before start_time");
            } else {
                params.error("start_time", "start_time is in the future, and without end_time the events end now");
            }
        }));
        return workspaces;
    }

    /**
     * The audit trail is for Moderators and above. Without tokens anyone may read it; a token's
     * role decides, whatever its scopes; a token without a role passes only with the admin scope.
     */
    private static void requireModerator(Caller caller) {
        if (caller.equals(Caller.UNRESTRICTED)) {
            return;
        }
        boolean allowed = caller.role()
                .map(role -> MODERATOR_OR_ABOVE.contains(role.toLowerCase(Locale.ROOT)))
                .orElse(caller.has(Scope.ADMIN));
        if (!allowed) {
            throw AccessDenied.forbidden("The audit trail is only available to users with a role of Moderator or above ("
                    + caller.role().map(role -> "this token's role is " + role).orElse("this token has no role and no admin scope") + ")");
        }
    }
}
