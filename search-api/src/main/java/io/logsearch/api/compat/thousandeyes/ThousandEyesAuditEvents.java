package io.logsearch.api.compat.thousandeyes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.Links;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.events.Cursors;
import io.logsearch.api.events.FilterParams;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.TimeRange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /compat/thousandeyes/v7/audit-user-events}: ThousandEyes' activity log API over the
 * ThousandEyes events logsearch holds, records as ingested, {@code _links.next} with a cursor:
 * the query is read ({@link ThousandEyesRequest}), the account group checked, the events searched,
 * and the page rendered ({@link ThousandEyesPage}).
 */
public final class ThousandEyesAuditEvents implements Handler {

    static final int PAGE_SIZE = 100;
    private static final Set<String> FINGERPRINTED = Set.of("aid", "useAllPermittedAids", "window", "startDate", "endDate");

    private final EventSearch search;
    private final Cursors cursors;

    public ThousandEyesAuditEvents(EventSearch search, Cursors cursors) {
        this.search = search;
        this.cursors = cursors;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        ThousandEyesRequest request = ThousandEyesRequest.read(ctx.queryParamMap(), Instant.now());
        if (request.aid().isPresent() && !caller.canSee(request.aid().get())) {
            throw AccessDenied.forbidden("You are not assigned to account group " + request.aid().get() + ".");
        }

        String fingerprint = FilterParams.fingerprint("/compat/thousandeyes/v7/audit-user-events", caller, ctx.queryParamMap(), FINGERPRINTED);
        Optional<TimeRange> range = request.range();
        Optional<SearchAfter> after = Optional.empty();
        if (request.cursor().isPresent()) {
            Cursors.State state = cursors.decode(request.cursor().get(), fingerprint);
            after = Optional.of(state.after());
            range = state.range();
        }
        EventFilter filter = EventFilter.builder()
                .sources(List.of(ThousandEyesPage.SOURCE))
                .organizationIds(request.aid().filter(a -> !request.allPermittedAids()).map(List::of).orElse(List.of()))
                .range(range)
                .build();
        EventPage page = search.search(new EventQuery(filter, caller.visibility(), PAGE_SIZE, SortOrder.DESC, after, Projection.ORIGINAL));

        Optional<TimeRange> searched = range;
        Optional<String> next = page.next().map(n -> Links.with(ctx, "cursor", cursors.encode(new Cursors.State(searched, n, fingerprint))));
        ctx.contentType("application/hal+json").result(ThousandEyesPage.render(page.events(), request, range, Links.self(ctx), next));
    }
}
