package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.AccessLog;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.Links;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.Scope;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.TimeRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/events}: one page of matching events, with a signed cursor to the next; over the
 * access log's store and with the {@code audit} scope, {@code GET /v1/access}.
 */
public final class EventsHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSearch search;
    private final Cursors cursors;
    private final Scope scope;

    public EventsHandler(EventSearch search, Cursors cursors, Scope scope) {
        this.search = search;
        this.cursors = cursors;
        this.scope = scope;
    }

    /** The endpoint's own parameters. */
    record Params(int size, SortOrder order, boolean includeOriginal, Optional<String> cursor) {

        static final Set<String> NAMES = Set.of("size", "order", "cursor", "includeOriginal");

        static Params read(ParamReader params) {
            return new Params(params.integer("size", 1, EventQuery.MAX_SIZE).orElse(EventQuery.DEFAULT_SIZE),
                    sortOrder(params), params.bool("includeOriginal").orElse(false), params.single("cursor"));
        }
    }

    /** {@code order}: newest first unless {@code asc}. */
    static SortOrder sortOrder(ParamReader params) {
        return params.choice("order", List.of("asc", "desc")).map(o -> o.equals("asc") ? SortOrder.ASC : SortOrder.DESC)
                .orElse(SortOrder.DESC);
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request<Params> request = FilterParams.request(ctx, scope, Params.NAMES, Params::read);
        Params params = request.endpoint();
        FilterParams.Requested requested = request.requested();

        EventFilter filter = requested.filter();
        Optional<SearchAfter> after = Optional.empty();
        if (params.cursor().isPresent()) {
            Cursors.State state = cursors.decode(params.cursor().get(), requested.fingerprint());
            after = Optional.of(state.after());
            filter = state.range().map(filter::withRange).orElse(filter);
        }
        EventPage page = search.search(new EventQuery(filter, request.caller().visibility(), params.size(), params.order(), after,
                params.includeOriginal() ? Projection.DOCUMENT_WITH_ORIGINAL : Projection.DOCUMENT));

        AccessLog.hits(ctx, page.total());
        Optional<TimeRange> range = filter.range();
        Optional<String> next = page.next().map(n -> Links.with(ctx, "cursor",
                cursors.encode(new Cursors.State(range, n, requested.fingerprint()))));
        JsonResponses.write(ctx, "application/json", body(page, range, Links.self(ctx), next));
    }

    /** The response: the events, the range searched (all time without one), the total, and {@code _links}. */
    static ObjectNode body(EventPage page, Optional<TimeRange> range, String self, Optional<String> next) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        page.events().forEach(events::add);
        TimeRange searched = range.orElse(TimeRange.ALL_TIME);
        body.put("startDate", searched.start().toString()).put("endDate", searched.end().toString());
        body.putObject("total").put("value", page.total()).put("relation", page.totalIsExact() ? "eq" : "gte");
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", self);
        next.ifPresent(href -> links.putObject("next").put("href", href));
        return body;
    }
}
