package io.logsearch.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.query.EventPage;
import io.logsearch.api.query.EventQuery;
import io.logsearch.api.query.EventSearch;
import io.logsearch.api.StorageErrors;
import java.io.IOException;

/** {@code GET /v1/events}: the newest matching events. */
public final class EventsHandler implements Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSearch search;

    public EventsHandler(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) {
        EventQuery query = new EventQuery(size(ctx.queryParam("size")));
        EventPage page;
        try {
            page = search.search(query);
        } catch (IOException | RuntimeException e) {
            throw StorageErrors.translate(e);
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        page.events().forEach(events::add);
        body.putObject("total").put("value", page.total()).put("relation", page.totalIsExact() ? "eq" : "gte");
        body.putObject("_links").putObject("self").put("href", ctx.fullUrl());
        ctx.contentType("application/json").result(body.toString());
    }

    private static int size(String text) {
        if (text == null) {
            return EventQuery.DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 1 && size <= EventQuery.MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below with the accepted range
        }
        throw ApiProblem.invalid("size", "must be a whole number from 1 to " + EventQuery.MAX_SIZE + ", not '" + text + "'");
    }
}
