package io.logsearch.api.compat.onehub;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.Originals;
import io.logsearch.api.compat.PageNumbers;
import io.logsearch.api.query.EventFilter;
import io.logsearch.api.query.EventSearch;
import io.logsearch.api.query.FieldCondition;
import io.logsearch.api.query.NumberedPage;
import io.logsearch.api.query.Projection;
import io.logsearch.api.query.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Onehub's event listings: {@code GET /compat/onehub/activity/} (a user's events across
 * workspaces) and {@code GET /compat/onehub/files/{id}/audit_trail} (a file's events, for
 * moderators and above), 30 per page as the vendor pages them.
 */
public final class OnehubActivity implements Handler {

    static final int PER_PAGE = 30;
    private static final List<String> MODERATOR_OR_ABOVE = List.of("moderator", "administrator", "admin", "owner", "creator");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        EventFilter.Builder filter = EventFilter.builder().sources(List.of("onehub"));
        if (auditTrail) {
            requireModerator(caller);
            String file = ctx.pathParam("id");
            if (!file.matches("\\d{1,18}")) {
                throw new ApiProblem(404, "Not Found", "No file " + file, List.of());
            }
            filter.condition(FieldCondition.anyOf("onehub.file.id", List.of(file)));
        } else {
            List<String> workspaces = params.integers("workspaces");
            workspaces.stream().filter(w -> !caller.canSee(w)).findFirst().ifPresent(w -> {
                throw AccessDenied.forbidden("Not allowed to read workspace " + w);
            });
            filter.organizationIds(workspaces);
            List<String> verbs = params.list("verbs");
            verbs.stream().filter(v -> !OnehubParams.VERBS.containsKey(v)).forEach(v ->
                    params.error("verbs", "unknown verb '" + v + "'; available verbs are create, upload, read, download, update, delete and invite"));
            filter.eventTypes(verbs.stream().filter(OnehubParams.VERBS::containsKey).map(OnehubParams.VERBS::get).toList());
            filter.userIds(params.integers("actor"));
            if (params.bool("filter_self")) {
                String self = caller.userId().orElseThrow(() -> new ApiProblem(400, "Bad Request",
                        "filter_self needs a token bound to a user (its userId)", List.of(new ApiProblem.FieldError("filter_self", "no user"))));
                filter.condition(FieldCondition.noneOf("user.id", List.of(self)));
            }
            Optional<Instant> start = params.time("start_time");
            Optional<Instant> end = params.time("end_time");
            if (start.isPresent() || end.isPresent()) {
                Instant from = start.orElse(Instant.EPOCH);
                Instant to = end.orElse(Instant.now());
                if (to.isBefore(from)) {
                    params.error("end_time", "end_time is before start_time");
                } else {
                    filter.range(Optional.of(new TimeRange(from, to)));
                }
            }
        }
        int page = params.page();
        params.throwIfInvalid();
        int offset = PageNumbers.offset(page, PER_PAGE, "page", "start_time and end_time, workspaces, verbs or actor");
        NumberedPage results = search.page(filter.build(), caller.visibility(), offset, PER_PAGE, Projection.ORIGINAL);

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.getFactory().createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("total_entries", results.total());
            out.writeNumberField("current_page", page);
            out.writeNumberField("total_pages", (results.total() + PER_PAGE - 1) / PER_PAGE);
            out.writeNumberField("per_page", PER_PAGE);
            out.writeArrayFieldStart("items");
            for (var event : results.events()) {
                out.writeStartObject();
                out.writeFieldName("event");
                Originals.write(out, event);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        ctx.contentType("application/json").result(body.toByteArray());
    }

    /** With tokens, the audit trail needs a Moderator or above (or an admin token); without tokens anyone may read it. */
    private static void requireModerator(Caller caller) {
        if (caller.equals(Caller.UNRESTRICTED) || caller.has(Scope.ADMIN)) {
            return;
        }
        String role = caller.role().map(r -> r.toLowerCase(Locale.ROOT)).orElse("none");
        if (!MODERATOR_OR_ABOVE.contains(role)) {
            throw AccessDenied.forbidden("The audit trail is only available to users with a role of Moderator or above (role: " + role + ")");
        }
    }
}
