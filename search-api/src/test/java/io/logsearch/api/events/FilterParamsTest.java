package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logsearch.api.ApiProblem;
import io.logsearch.api.ParamReader;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import io.logsearch.storage.query.EventFilter;
import io.logsearch.storage.query.IpNetwork;
import io.logsearch.storage.query.TimeRange;
import io.logsearch.mappings.Partitioning;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link FilterParams} without a server or Elasticsearch: parameters in, filter or one 400 out. */
class FilterParamsTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return raw;
    }

    private static EventFilter filter(Caller caller, String... pairs) {
        Map<String, List<String>> raw = query(pairs);
        ParamReader params = new ParamReader(raw);
        EventFilter filter = FilterParams.read(params, NOW);
        params.throwIfInvalid();
        FilterParams.requireVisible(caller, filter);
        return filter;
    }

    private static EventFilter filter(String... pairs) {
        return filter(Caller.UNRESTRICTED, pairs);
    }

    private static ApiProblem invalid(String... pairs) {
        return assertThrows(ApiProblem.class, () -> filter(pairs));
    }

    @Test
    void everyFilterIsRead() {
        EventFilter filter = filter("eventType", "login", "eventType", "logout", "success", "false", "clientIp", "10.0.0.0/8",
                "userId", "u1", "organizationId", "o1", "appId", "a1", "requestId", "r1", "source", "authing",
                "category", "authentication", "type", "start", "q", "denied");
        assertEquals(List.of("login", "logout"), filter.eventTypes());
        assertEquals(Optional.of(false), filter.success());
        assertEquals(List.of(IpNetwork.parse("10.0.0.0/8").orElseThrow()), filter.clientIps());
        assertEquals(List.of("u1"), filter.userIds());
        assertEquals(List.of("o1"), filter.organizationIds());
        assertEquals(List.of("a1"), filter.appIds());
        assertEquals(List.of("r1"), filter.requestIds());
        assertEquals(List.of("authing"), filter.sources());
        assertEquals(List.of("authentication"), filter.categories());
        assertEquals(List.of("start"), filter.types());
        assertEquals(Optional.of("denied"), filter.text());
        assertEquals(Optional.empty(), filter.range());
    }

    @Test
    void datesAreIsoWithOrWithoutOffsetOrEpochMillis() {
        assertEquals(Optional.of(new TimeRange(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-04-02T10:00:00Z"))),
                filter("startDate", "2024-04-01T00:00:00", "endDate", "2024-04-02T12:00:00+02:00").range());
        assertEquals(Optional.of(new TimeRange(Instant.ofEpochMilli(0), NOW)), filter("startDate", "0").range());
    }

    @Test
    void aDateAloneIsAWholeUtcDayAndOffsetsAreHonoured() {
        assertEquals(Optional.of(new TimeRange(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-04-01T23:59:59.999Z"))),
                filter("startDate", "2024-04-01", "endDate", "2024-04-01").range());
        assertEquals(Optional.of(new TimeRange(Instant.parse("2024-03-31T16:00:00Z"), NOW)),
                filter("startDate", "2024-04-01T00:00:00+08:00").range());
        assertEquals("startDate", invalid("startDate", "2024-02-30").errors().get(0).field());
        assertEquals("endDate", invalid("endDate", "01/04/2024").errors().get(0).field());
    }

    @Test
    void aTypeFilterAsksOneQuestionOfEverySource() {
        EventFilter filter = filter("category", "authentication", "type", "start", "success", "false");
        assertEquals(List.of("authentication"), filter.categories());
        assertEquals(List.of("start"), filter.types());
        assertEquals(Optional.of(false), filter.success());
    }

    @Test
    void aWindowEndsNowAndAnEndAloneStartsAtTheEarliestPartition() {
        assertEquals(Optional.of(new TimeRange(NOW.minusSeconds(3600), NOW)), filter("window", "1h").range());
        assertEquals(Optional.of(new TimeRange(Partitioning.EARLIEST, Instant.parse("2024-01-01T00:00:00Z"))),
                filter("endDate", "2024-01-01T00:00:00Z").range());
    }

    @Test
    void everyProblemIsNamedInOne400() {
        ApiProblem problem = invalid("success", "yes", "clientIp", "10.0.0.300", "window", "1y", "startDate", "yesterday",
                "q", "x".repeat(1001));
        assertEquals(400, problem.status());
        assertEquals(List.of("success", "clientIp", "window", "startDate", "q"),
                problem.errors().stream().map(ApiProblem.FieldError::field).sorted((a, b) -> order(a) - order(b)).toList());
        assertTrue(problem.detail().startsWith("5 invalid parameters"), problem.detail());
    }

    private static int order(String field) {
        return List.of("success", "clientIp", "window", "startDate", "q").indexOf(field);
    }

    @Test
    void refusedRangesNameTheBoundAtFault() {
        assertEquals(List.of(new ApiProblem.FieldError("window", "cannot be combined with startDate or endDate")),
                invalid("window", "1h", "endDate", "2024-01-01T00:00:00Z").errors());
        assertEquals(List.of(new ApiProblem.FieldError("endDate", "is before startDate")),
                invalid("startDate", "2024-02-01T00:00:00Z", "endDate", "2024-01-01T00:00:00Z").errors());
        assertEquals(List.of(new ApiProblem.FieldError("startDate", "is in the future, and without endDate the range ends now")),
                invalid("startDate", "2024-06-01T00:00:00Z").errors());
    }

    @Test
    void repeatedSingleValuesBlankValuesAndControlCharactersAreRefused() {
        assertEquals("startDate", invalid("startDate", "1", "startDate", "2").errors().get(0).field());
        assertEquals("userId: must not be empty", invalid("userId", " ").detail());
        assertEquals("requestId", invalid("requestId", "a\u0000b").errors().get(0).field());
        assertEquals("eventType", invalid("eventType", "x".repeat(1025)).errors().get(0).field());
    }

    @Test
    void anOrganizationTheCallerMayNotSeeIsForbidden() {
        Caller tenant = new Caller("tenant-a", Optional.of(Set.of("o1")), EnumSet.of(Scope.SEARCH), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertEquals(List.of("o1"), filter(tenant, "organizationId", "o1").organizationIds());
        AccessDenied denied = assertThrows(AccessDenied.class, () -> filter(tenant, "organizationId", "o2"));
        assertEquals(403, denied.status());
    }

    @Test
    void theFingerprintIgnoresOrderAndOtherParameters() {
        String one = FilterParams.fingerprint("/v1/events", Caller.UNRESTRICTED, query("userId", "a", "userId", "b", "size", "10"),
                FilterParams.NAMES);
        String same = FilterParams.fingerprint("/v1/events", Caller.UNRESTRICTED, query("userId", "b", "userId", "a", "size", "99"),
                FilterParams.NAMES);
        String other = FilterParams.fingerprint("/v1/events", Caller.UNRESTRICTED, query("userId", "a"), FilterParams.NAMES);
        assertEquals(one, same);
        assertNotEquals(one, other);
    }

    @Test
    void theFingerprintNamesTheEndpointAndTheToken() {
        Caller tenant = new Caller("tenant-a", Optional.of(Set.of("o1")), EnumSet.of(Scope.SEARCH), Optional.empty(),
                Optional.empty(), Optional.empty());
        Map<String, List<String>> window = query("window", "1d");
        String mine = FilterParams.fingerprint("/v1/events", tenant, window, FilterParams.NAMES);
        assertNotEquals(mine, FilterParams.fingerprint("/v1/events", Caller.UNRESTRICTED, window, FilterParams.NAMES));
        assertNotEquals(mine, FilterParams.fingerprint("/compat/thousandeyes/v7/audit-user-events", tenant, window, FilterParams.NAMES));
        assertNotEquals(FilterParams.fingerprint("/v1/events", tenant, query("window", "1d", "userId", "x"), FilterParams.NAMES),
                FilterParams.fingerprint("/v1/events", tenant, query("window", "1d|4:userId|1:x"), FilterParams.NAMES));
    }
}
