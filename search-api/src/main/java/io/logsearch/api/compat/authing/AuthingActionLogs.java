package io.logsearch.api.compat.authing;

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
import io.logsearch.storage.query.NumberedPage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /compat/authing/api/v3/get-user-action-logs}: Authing's user action log query over
 * the Authing events logsearch holds, page-numbered. The body is read and checked whole first
 * ({@link AuthingQuery}, a 400 in Authing's envelope), then the user pool, then the events are
 * searched and the page rendered ({@link AuthingPage}).
 */
public final class AuthingActionLogs implements Handler {

    static final String USER_POOL_HEADER = "x-authing-userpool-id";

    private final EventSearch search;

    public AuthingActionLogs(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        AuthingQuery query = AuthingQuery.read(AuthingBody.of(ctx), Instant.now());
        EventFilter.Builder filter = query.filter();
        Optional<String> userPool = Optional.ofNullable(ctx.header(USER_POOL_HEADER)).filter(v -> !v.isBlank());
        if (userPool.isPresent()) {
            if (!caller.canSee(userPool.get())) {
                throw AccessDenied.forbidden("Not allowed to read user pool " + userPool.get());
            }
            filter.organizationIds(List.of(userPool.get()));
        }
        NumberedPage results;
        try {
            results = PageNumbers.fetch(search, filter.build(), caller.visibility(), query.page(), query.limit(), "pagination.page",
                    "start and end, userId, appId or eventType");
        } catch (ApiProblem tooDeep) {
            throw AuthingBody.invalid(tooDeep.detail());
        }
        ctx.contentType("application/json").result(AuthingPage.render(results, UUID.randomUUID().toString()));
    }
}
