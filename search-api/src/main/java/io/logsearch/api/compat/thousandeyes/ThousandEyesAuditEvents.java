package io.logsearch.api.compat.thousandeyes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.logsearch.api.Links;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.api.compat.Originals;
import io.logsearch.api.events.Cursors;
import io.logsearch.api.events.FilterParams;
import io.logsearch.mappings.TimeWindow;
import io.logsearch.storage.EventSearch;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.EventPage;
import io.logsearch.storage.query.EventQuery;
import io.logsearch.storage.query.Projection;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.SortOrder;
import io.logsearch.storage.query.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /compat/thousandeyes/v7/audit-user-events}: ThousandEyes' activity log API over the
 * ThousandEyes events logsearch holds, records as ingested, {@code _links.next} with a cursor.
 */
public final class ThousandEyesAuditEvents implements Handler {

    static final int PAGE_SIZE = 100;
    private static final String SOURCE = "thousandeyes";
    /** The vendor's {@code ^\d+(?:[smhdw]{1})?$}: the amount without leading zeros, and the unit. */
    private static final Pattern WINDOW = Pattern.compile("0*(\\d+?)([smhdw]?)");
    private static final Set<String> FINGERPRINTED = Set.of("aid", "useAllPermittedAids", "window", "startDate", "endDate");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSearch search;
    private final Cursors cursors;

    public ThousandEyesAuditEvents(EventSearch search, Cursors cursors) {
        this.search = search;
        this.cursors = cursors;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Caller caller = AccessControl.require(ctx, Scope.SEARCH);
        ParamReader params = new ParamReader(ctx.queryParamMap());
        Optional<String> aid = params.single("aid");
        boolean allPermittedAids = params.bool("useAllPermittedAids").orElse(false);
        Optional<String> window = params.single("window");
        Optional<Instant> start = params.single("startDate").flatMap(t -> dateTime(params, "startDate", t));
        Optional<Instant> end = params.single("endDate").flatMap(t -> dateTime(params, "endDate", t));
        Optional<String> cursor = params.single("cursor");
        Optional<TimeRange> range = TimeRange.resolve(start, end, window.flatMap(w -> window(params, w)), Instant.now(),
                (bound, refusal) -> {
                    switch (refusal) {
                        case WINDOW_WITH_DATES -> params.error("window", "window cannot be used with startDate or endDate");
                        case END_BEFORE_START -> params.error("endDate", "endDate must not be before startDate");
                        case START_AFTER_NOW -> params.error("startDate", "startDate is in the future, and endDate defaults to now");
                    }
                });
        params.throwIfInvalid();
        if (aid.isPresent() && !caller.canSee(aid.get())) {
            throw AccessDenied.forbidden("You are not assigned to account group " + aid.get() + ".");
        }

        String fingerprint = FilterParams.fingerprint(ctx.queryParamMap(), FINGERPRINTED);
        Optional<SearchAfter> after = Optional.empty();
        if (cursor.isPresent()) {
            Cursors.State state = cursors.decode(cursor.get(), fingerprint);
            after = Optional.of(state.after());
            range = state.range();
        }
        EventFilter filter = EventFilter.builder()
                .sources(List.of(SOURCE))
                .organizationIds(aid.filter(a -> !allPermittedAids).map(List::of).orElse(List.of()))
                .range(range)
                .build();
        EventPage page = search.search(new EventQuery(filter, caller.visibility(), PAGE_SIZE, SortOrder.DESC, after, Projection.ORIGINAL));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.getFactory().createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeArrayFieldStart("auditEvents");
            for (var event : page.events()) {
                Originals.write(out, event, SOURCE);
            }
            out.writeEndArray();
            Optional<TimeRange> reported = range;
            if (reported.isPresent() && (window.isPresent() || start.isPresent())) {
                out.writeStringField("startDate", reported.get().start().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            if (reported.isPresent() && (window.isPresent() || end.isPresent())) {
                out.writeStringField("endDate", reported.get().end().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            out.writeObjectFieldStart("_links");
            out.writeObjectFieldStart("self");
            out.writeStringField("href", Links.self(ctx));
            out.writeEndObject();
            if (page.next().isPresent()) {
                out.writeObjectFieldStart("next");
                out.writeStringField("href", Links.with(ctx, "cursor", cursors.encode(new Cursors.State(range, page.next().get(), fingerprint))));
                out.writeEndObject();
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        ctx.contentType("application/hal+json").result(body.toByteArray());
    }

    /**
     * The window's span. Any amount of 13 digits or more, in any unit, is longer than the
     * years 0000 to 9999 that events can lie in: it reaches back to the first of them.
     */
    private static Optional<Duration> window(ParamReader params, String window) {
        Matcher m = WINDOW.matcher(window);
        if (!m.matches()) {
            params.error("window", "window must match ^\\d+(?:[smhdw]{1})?$, such as 12h");
            return Optional.empty();
        }
        return Optional.of(m.group(1).length() > 12 ? ChronoUnit.FOREVER.getDuration() : TimeWindow.parse(m.group(1) + m.group(2)));
    }

    /** ISO-8601 date-times with a four-digit year, as the vendor documents them (UTC, seconds). */
    private static Optional<Instant> dateTime(ParamReader params, String name, String text) {
        try {
            if (text.matches("\\d{4}-.*")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        params.error(name, name + " must be an ISO 8601 date-time in UTC, such as 2022-07-17T22:00:54Z");
        return Optional.empty();
    }
}
