package io.logsearch.api.compat.thousandeyes;

import io.logsearch.api.ParamReader;
import io.logsearch.mappings.TimeWindow;
import io.logsearch.storage.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /audit-user-events} as ThousandEyes documents it, checked whole: one 400
 * names every invalid parameter.
 *
 * @param range       the time range asked for, resolved against the request time
 * @param windowed    whether the range is a window up to the time of the request
 * @param reportStart whether the answer carries {@code startDate} (a window or a start was given)
 * @param reportEnd   whether the answer carries {@code endDate} (a window or an end was given)
 */
record ThousandEyesRequest(Optional<String> aid, boolean allPermittedAids, Optional<TimeRange> range, boolean windowed,
                           boolean reportStart, boolean reportEnd, Optional<String> cursor) {

    /** The vendor's {@code ^\d+(?:[smhdw]{1})?$}: the amount without leading zeros, and the unit. */
    private static final Pattern WINDOW = Pattern.compile("0*(\\d+?)([smhdw]?)");

    static ThousandEyesRequest read(Map<String, List<String>> query, Instant now) {
        ParamReader params = new ParamReader(query);
        Optional<String> aid = params.single("aid");
        boolean allPermittedAids = params.bool("useAllPermittedAids").orElse(false);
        Optional<String> window = params.single("window");
        Optional<Instant> start = params.single("startDate").flatMap(t -> dateTime(params, "startDate", t));
        Optional<Instant> end = params.single("endDate").flatMap(t -> dateTime(params, "endDate", t));
        Optional<String> cursor = params.single("cursor");
        Optional<TimeRange> range = TimeRange.resolve(start, end, window.flatMap(w -> window(params, w)), now,
                (bound, refusal) -> {
                    switch (refusal) {
                        case WINDOW_WITH_DATES -> params.error("window", "window cannot be used with startDate or endDate");
                        case END_BEFORE_START -> params.error("endDate", "endDate must not be before startDate");
                        case START_AFTER_NOW -> params.error("startDate", "startDate is in the future, and endDate defaults to now");
                    }
                });
        params.throwIfInvalid();
        return new ThousandEyesRequest(aid, allPermittedAids, range, window.isPresent(), window.isPresent() || start.isPresent(),
                window.isPresent() || end.isPresent(), cursor);
    }

    /**
     * The window's span. Any amount of 13 digits or more, in any unit, is longer than the years
     * 0000 to 9999 that events can lie in: it reaches back to the first of them.
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
