package io.logsearch.api.compat.actionhub;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ResponseAbort;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.Originals;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /compat/actionhub/users/{user_id}/events} with header {@code program-id}: the user's
 * whole history in that program, newest first to the microsecond, streamed as {@code {"history": [...]}}.
 * Elasticsearch failing once the history has begun aborts the connection (see {@link ResponseAbort}).
 */
public final class ActionHubUserEvents implements Handler {

    static final String PROGRAM_HEADER = "program-id";
    private static final String SOURCE = "actionhub";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_PAGE = 1000;

    private final EventSearch search;

    public ActionHubUserEvents(EventSearch search) {
        this.search = search;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        // as FastAPI: only a missing header is invalid; an empty one is a program id like any other
        String program = ctx.header(PROGRAM_HEADER);
        if (program == null) {
            throw new ApiProblem(422, "Validation Error", "Field required",
                    List.of(new ApiProblem.FieldError("header." + PROGRAM_HEADER, "Field required")));
        }
        if (!caller.canSee(program)) {
            throw AccessDenied.forbidden("Not allowed to read program " + program);
        }
        EventFilter filter = EventFilter.builder()
                .sources(List.of(SOURCE))
                .userIds(List.of(ctx.pathParam("user_id")))
                .organizationIds(List.of(program))
                .build();
        EventPage first = search.search(new EventQuery(filter, caller.visibility(), FIRST_PAGE, SortOrder.DESC,
                Optional.empty(), Projection.ORIGINAL));
        if (first.events().isEmpty()) {
            throw new ApiProblem(404, "Not Found", "User not found", List.of());
        }
        ctx.contentType("application/json");
        // closed only on success: closing it after a failure would end the body as if the history were whole
        JsonGenerator out = JSON.getFactory().createGenerator(ctx.outputStream(), JsonEncoding.UTF8);
        try {
            out.writeStartObject();
            out.writeArrayFieldStart("history");
            NewestFirst history = new NewestFirst(event -> Originals.write(out, event, SOURCE));
            for (var event : first.events()) {
                history.accept(event);
            }
            if (first.next().isPresent()) {
                search.forEachAfter(filter, caller.visibility(), SortOrder.DESC, Projection.ORIGINAL, first.next().get(), event -> {
                    try {
                        history.accept(event);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            history.flush();
            out.writeEndArray();
            out.writeEndObject();
            out.close();
        } catch (IOException | RuntimeException e) {
            ResponseAbort.abort(ctx, e);
        }
    }
}
