package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.JsonResponses;
import io.logsearch.api.Links;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.Caller;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import java.util.Optional;
import java.util.Set;

/** {@code GET /v1/events}: one page of matching events, with a signed cursor to the next. */
public final class EventsHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSearch search;
    private final Cursors cursors;

    public EventsHandler(EventSearch search, Cursors cursors) {
        this.search = search;
        this.cursors = cursors;
    }

    @Override
    public void handle(Context ctx) {
        FilterParams.Request request = FilterParams.request(ctx, Set.of("size", "order", "cursor", "includeOriginal"));
        Caller caller = request.caller();
        ParamReader params = request.params();
        FilterParams.Requested requested = request.requested();
        int size = params.integer("size", 1, EventQuery.MAX_SIZE).orElse(EventQuery.DEFAULT_SIZE);
        SortOrder order = params.choice("order", Set.of("asc", "desc"))
                .map(o -> o.equals("asc") ? SortOrder.ASC : SortOrder.DESC).orElse(SortOrder.DESC);
        boolean includeOriginal = params.bool("includeOriginal").orElse(false);
        Optional<String> cursor = params.single("cursor");
        params.throwIfInvalid();

        EventFilter filter = requested.filter();
        Optional<SearchAfter> after = Optional.empty();
        if (cursor.isPresent()) {
            Cursors.State state = cursors.decode(cursor.get(), requested.fingerprint());
            after = Optional.of(state.after());
            filter = state.range().map(filter::withRange).orElse(filter);
        }
        EventPage page = search.search(new EventQuery(filter, caller.visibility(), size, order, after,
                includeOriginal ? Projection.DOCUMENT_WITH_ORIGINAL : Projection.DOCUMENT));

        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        page.events().forEach(events::add);
        EventFilter resolved = filter;
        resolved.range().ifPresent(r -> body.put("startDate", r.start().toString()).put("endDate", r.end().toString()));
        body.putObject("total").put("value", page.total()).put("relation", page.totalIsExact() ? "eq" : "gte");
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", Links.self(ctx));
        page.next().ifPresent(next -> links.putObject("next").put("href",
                Links.with(ctx, "cursor", cursors.encode(new Cursors.State(resolved.range(), next, requested.fingerprint())))));
        JsonResponses.write(ctx, "application/json", body);
    }
}
