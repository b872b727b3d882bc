package io.logsearch.api.events;

import io.javalin.http.Context;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.AccessControl;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.mappings.EventFields;
import io.logsearch.mappings.TimeWindow;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.FieldCondition;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.TimeRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The filter parameters every {@code /v1/events} endpoint shares (SPEC §6), read into an {@link EventFilter}. */
public final class FilterParams {

    public static final Set<String> NAMES = Set.of("eventType", "window", "startDate", "endDate", "success", "clientIp",
            "userId", "organizationId", "appId", "requestId", "source", "category", "type", "q", "exclude");
    private static final Set<String> FINGERPRINTED = Stream.concat(NAMES.stream(), Stream.of("order")).collect(Collectors.toSet());
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_TEXT = 1000;
    /** The {@code ignore_above} of the template's keyword fields: no longer value is ever indexed. */
    private static final int MAX_KEYWORD = 1024;
    /** The filters {@code exclude=<name>:<value>} can negate, and the field each one matches. */
    private static final Map<String, String> EXCLUDABLE = new TreeMap<>(Map.of(
            "eventType", EventFields.ACTION,
            "userId", EventFields.USER_ID,
            "organizationId", EventFields.ORGANIZATION_ID,
            "appId", EventFields.APP_ID,
            "requestId", EventFields.REQUEST_ID,
            "source", EventFields.PROVIDER,
            "category", EventFields.CATEGORY,
            "type", EventFields.TYPE));

    /**
     * @param filter      the filter, with a {@code window} already resolved against the request time
     * @param fingerprint a digest of the filter parameters as given, the endpoint and the caller, which a cursor must match
     */
    public record Requested(EventFilter filter, String fingerprint) {
    }

    /**
     * What every {@code /v1/events} endpoint reads first: who asks, the filter, and the endpoint's
     * own parameters.
     */
    public record Request<T>(Caller caller, Requested requested, T endpoint) {
    }

    private FilterParams() {
    }

    /**
     * Reads a {@code /v1/events} request in the order every endpoint answers: the caller's
     * {@code search} scope (401/403); then the filters, the endpoint's own parameters read by
     * {@code endpoint}, and any other parameter (one 400 naming every problem); then the
     * organizations the filter names (403).
     */
    public static <T> Request<T> request(Context ctx, Set<String> endpointParams, Function<ParamReader, T> endpoint) {
        return request(ctx, Scope.SEARCH, endpointParams, endpoint);
    }

    /** As {@link #request(Context, Set, Function)}, for an endpoint that needs {@code scope} instead (the access log's {@code audit}). */
    public static <T> Request<T> request(Context ctx, Scope scope, Set<String> endpointParams, Function<ParamReader, T> endpoint) {
        Caller caller = AccessControl.require(ctx, scope);
        ParamReader params = new ParamReader(ctx.queryParamMap());
        Set<String> known = new HashSet<>(NAMES);
        known.addAll(endpointParams);
        params.rejectUnknown(known);
        EventFilter filter = read(params, Instant.now());
        T own = endpoint.apply(params);
        params.throwIfInvalid();
        requireVisible(caller, filter);
        return new Request<>(caller, new Requested(filter, fingerprint("/v1/events", caller, ctx.queryParamMap(), FINGERPRINTED)), own);
    }

    /** Reads the filters; problems are collected in {@code params}. */
    static EventFilter read(ParamReader params, Instant now) {
        Optional<TimeRange> range = range(params, now);
        Optional<String> text = params.single("q");
        text.filter(t -> t.length() > MAX_TEXT).ifPresent(t -> params.error("q", "must be at most " + MAX_TEXT + " characters"));
        EventFilter.Builder filter = EventFilter.builder()
                .eventTypes(keywords(params, "eventType"))
                .range(range)
                .success(params.bool("success"))
                .clientIps(params.each("clientIp", IpNetwork::parse, "must be an IPv4 or IPv6 address or CIDR network"))
                .userIds(keywords(params, "userId"))
                .organizationIds(keywords(params, "organizationId"))
                .appIds(keywords(params, "appId"))
                .requestIds(keywords(params, "requestId"))
                .sources(keywords(params, "source"))
                .categories(keywords(params, "category"))
                .types(keywords(params, "type"))
                .text(text);
        excluded(params).forEach(filter::condition);
        return filter.build();
    }

    /** An {@code organizationId} the caller may not see is a 403. */
    static void requireVisible(Caller caller, EventFilter filter) {
        for (String organization : filter.organizationIds()) {
            if (!caller.canSee(organization)) {
                throw AccessDenied.forbidden("The token '" + caller.name() + "' may not see organization " + organization + ".");
            }
        }
    }

    /**
     * The values of an exact-match filter. Any value a keyword field can hold is accepted (an ECS
     * producer's {@code event.provider} is as valid as a built-in source id); longer values could
     * never match, and control characters are never meant.
     */
    private static List<String> keywords(ParamReader params, String name) {
        return params.each(name, value -> Optional.of(value)
                        .filter(v -> v.length() <= MAX_KEYWORD && v.chars().noneMatch(Character::isISOControl)),
                "must be at most " + MAX_KEYWORD + " characters without control characters");
    }

    /**
     * {@code exclude=<filter>:<value>}: events whose field holds none of the excluded values (the
     * exact value as stored). Values of one filter are gathered into one condition.
     */
    private static List<FieldCondition> excluded(ParamReader params) {
        Map<String, List<String>> values = new TreeMap<>();
        for (String entry : params.each("exclude", Optional::of, "")) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry : entry.substring(0, colon);
            String value = colon < 0 ? "" : entry.substring(colon + 1);
            if (!EXCLUDABLE.containsKey(name) || value.isEmpty()) {
                params.error("exclude", "must be <filter>:<value> with a filter among " + String.join(", ", EXCLUDABLE.keySet())
                        + ", not '" + entry + "'");
            } else if (value.length() > MAX_KEYWORD || value.chars().anyMatch(Character::isISOControl)) {
                params.error("exclude", "values must be at most " + MAX_KEYWORD + " characters without control characters");
            } else {
                values.computeIfAbsent(EXCLUDABLE.get(name), k -> new ArrayList<>()).add(value);
            }
        }
        return values.entrySet().stream().map(e -> FieldCondition.noneOf(e.getKey(), e.getValue())).toList();
    }

    private static Optional<TimeRange> range(ParamReader params, Instant now) {
        Optional<Duration> window = params.single("window").flatMap(text -> window(params, text));
        Optional<Instant> start = params.single("startDate").flatMap(t -> instant(params, "startDate", t));
        Optional<Instant> end = params.single("endDate").flatMap(t -> instant(params, "endDate", t));
        return TimeRange.resolve(start, end, window, now, (bound, refusal) -> {
            switch (refusal) {
                case WINDOW_WITH_DATES -> params.error("window", "cannot be combined with startDate or endDate");
                case END_BEFORE_START -> params.error("endDate", "is before startDate");
                case START_AFTER_NOW -> params.error("startDate", "is in the future, and without endDate the range ends now");
            }
        });
    }

    private static Optional<Duration> window(ParamReader params, String text) {
        try {
            return Optional.of(TimeWindow.parse(text));
        } catch (IllegalArgumentException e) {
            params.error("window", "must match ^\\d+[smhdw]?$ (a number with an optional unit s, m, h, d or w), not '" + text + "'");
            return Optional.empty();
        }
    }

    /**
     * ISO-8601 date-time (with offset, or UTC when it has none), a date alone (UTC: its first
     * instant as {@code startDate}, its last as {@code endDate}, so that a day given as both is
     * that whole day), or epoch milliseconds.
     */
    static Optional<Instant> instant(ParamReader params, String name, String text) {
        try {
            if (EPOCH_MILLIS.matcher(text).matches()) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
            }
            if (DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of(name.equals("endDate")
                        ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeException withoutOffset) {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeException e) {
            params.error(name, "must be an ISO-8601 date or date-time such as 2022-07-17 or 2022-07-17T22:00:54Z (offsets such as"
                    + " +08:00 allowed), or epoch milliseconds, not '" + text + "'");
            return Optional.empty();
        }
    }

    /**
     * A digest, for cursors to match, of the endpoint, the caller's token and the parameters
     * {@code names} exactly as given, in a canonical order: a cursor works only on the endpoint
     * that issued it, for the token it was issued to, with the same filters.
     */
    public static String fingerprint(String endpoint, Caller caller, Map<String, List<String>> raw, Set<String> names) {
        String canonical = Stream.concat(Stream.of(endpoint, caller.name()), new TreeMap<>(raw).entrySet().stream()
                        .filter(e -> names.contains(e.getKey()))
                        .flatMap(e -> Stream.concat(Stream.of(e.getKey()), e.getValue().stream().sorted())))
                .map(v -> v.length() + ":" + v)
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
