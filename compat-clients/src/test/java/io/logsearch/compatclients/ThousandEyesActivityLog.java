package io.logsearch.compatclients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A synthetic ThousandEyes activity log in the vendor's own shape ({@code GET /v7/audit-user-events}
 * records and pages): several account groups, users written "Name (email)" and as bare names,
 * IPv4, IPv6 and CIDR {@code ipAddress} values, resources on the events that have them, failed
 * logins, and some events sharing their (whole-second) {@code date}.
 *
 * <p>Dates lie between {@link #OLDEST} and one hour before {@code now}, none near the edges the
 * filter tests use ({@link #WINDOW} before now, {@link #rangeStart()}, {@link #rangeEnd()}), so that
 * the expected result of each filter does not depend on when exactly the server evaluates it.
 */
final class ThousandEyesActivityLog {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration OLDEST = Duration.ofDays(28);
    static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration WINDOW_MARGIN = Duration.ofHours(3);
    private static final Duration RANGE_MARGIN = Duration.ofMinutes(10);
    private static final int PAGE = 200;

    record AccountGroup(String aid, String name) {
    }

    record User(String uid, String user, List<String> addresses, List<AccountGroup> groups) {
    }

    record Event(String text, List<String> resourceTypes) {
    }

    static final AccountGroup SANDBOX = new AccountGroup("1234", "API Sandbox");
    static final AccountGroup EU = new AccountGroup("20017", "Production EU");
    static final AccountGroup US = new AccountGroup("20018", "Production US");
    static final AccountGroup LAB = new AccountGroup("31337", "Network Lab");

    private static final List<User> USERS = List.of(
            new User("245", "API Sandbox User (noreply@thousandeyes.com)", List.of("99.128.0.0/11"), List.of(SANDBOX)),
            new User("1001", "Ana Lima (ana.lima@example.com)", List.of("203.0.113.7", "2001:db8:85a3::8a2e:370:7334"), List.of(EU, US)),
            new User("1002", "Jonas Weber (jonas.weber@example.org)", List.of("198.51.100.23", "198.51.100.0/24"), List.of(EU)),
            new User("1003", "Mei Chen", List.of("2001:db8:1234::/48", "192.0.2.44"), List.of(US, LAB)),
            new User("1004", "svc-monitoring", List.of("10.20.0.0/16"), List.of(LAB, SANDBOX)),
            new User("1005", "Émilie Durand (emilie.durand@example.fr)", List.of("2001:db8::1f", "192.0.2.128"), List.of(EU)),
            new User("1006", "O'Brien, Pat (pat.obrien+audit@example.com)", List.of("203.0.113.200"), List.of(US, EU, LAB)));

    private static final List<Event> EVENTS = List.of(
            new Event("Login successful.", List.of()),
            new Event("Login failed.", List.of()),
            new Event("Logout successful.", List.of()),
            new Event("Test created.", List.of("testName")),
            new Event("Test updated.", List.of("testName")),
            new Event("Report created.", List.of("reportTitle", "testName")),
            new Event("Alert rule updated.", List.of("alertRuleName")),
            new Event("Dashboard created.", List.of("dashboardTitle")),
            new Event("User updated.", List.of("userDisplayName")),
            new Event("Two-factor authentication failed.", List.of()),
            new Event("API token regenerated.", List.of()));

    private static final List<String> NAMES = List.of("Website availability", "DNS - eu-west", "Checkout API",
            "Weekly SLA report", "BGP route changes", "Ünïcödé \"quoted\" & <tagged>", "VPN gateway latency");

    private final Instant now;
    private final List<ObjectNode> records;

    private ThousandEyesActivityLog(Instant now, List<ObjectNode> records) {
        this.now = now;
        this.records = records;
    }

    /** {@code count} distinct records dated before {@code now}; the same seed gives the same records. */
    static ThousandEyesActivityLog generate(long seed, Instant now, int count) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(seed);
        ThousandEyesActivityLog log = new ThousandEyesActivityLog(end, new ArrayList<>());
        Set<ObjectNode> seen = new HashSet<>();
        List<Instant> dates = new ArrayList<>();
        while (log.records.size() < count) {
            Instant date;
            if (!dates.isEmpty() && random.nextInt(12) == 0) {
                date = dates.get(random.nextInt(dates.size()));   // another event in the same second
            } else {
                date = end.minusSeconds(3600 + random.nextLong(OLDEST.toSeconds() - 3600));
                if (log.nearAnEdge(date)) {
                    continue;
                }
            }
            ObjectNode record = record(random, date, log.records.size() == 0);
            if (seen.add(record)) {
                dates.add(date);
                log.records.add(record);
            }
        }
        log.records.sort(Comparator.comparing(ThousandEyesActivityLog::date).reversed());
        return log;
    }

    private boolean nearAnEdge(Instant date) {
        return within(date, now.minus(WINDOW), WINDOW_MARGIN) || within(date, rangeStart(), RANGE_MARGIN)
                || within(date, rangeEnd(), RANGE_MARGIN);
    }

    private static boolean within(Instant date, Instant edge, Duration margin) {
        return !date.isBefore(edge.minus(margin)) && !date.isAfter(edge.plus(margin));
    }

    private static ObjectNode record(SplittableRandom random, Instant date, boolean first) {
        User user = USERS.get(random.nextInt(USERS.size()));
        AccountGroup group = random.nextInt(4) == 0 ? user.groups().get(random.nextInt(user.groups().size())) : user.groups().get(0);
        // the first record is a failed login, so the log has one whatever the seed
        Event event = first ? EVENTS.get(1) : EVENTS.get(random.nextInt(EVENTS.size()));
        ObjectNode record = JSON.createObjectNode()
                .put("accountGroupName", group.name())
                .put("aid", group.aid())
                .put("date", date.toString())
                .put("event", event.text())
                .put("ipAddress", user.addresses().get(random.nextInt(user.addresses().size())))
                .put("uid", user.uid())
                .put("user", user.user());
        if (!event.resourceTypes().isEmpty()) {
            ArrayNode resources = record.putArray("resources");
            for (String type : event.resourceTypes().subList(0, 1 + random.nextInt(event.resourceTypes().size()))) {
                resources.addObject().put("name", NAMES.get(random.nextInt(NAMES.size()))).put("type", type);
            }
        }
        return record;
    }

    static Instant date(ObjectNode record) {
        return Instant.parse(record.get("date").asText());
    }

    /** When the log was taken: every record is older. */
    Instant now() {
        return now;
    }

    /** The fixed range the startDate/endDate test asks for. */
    Instant rangeStart() {
        return now.minus(Duration.ofDays(20));
    }

    Instant rangeEnd() {
        return now.minus(Duration.ofDays(10));
    }

    /** Every record, newest first. */
    List<ObjectNode> records() {
        return records;
    }

    /**
     * The export as the vendor API served it: one response body per line, {@value #PAGE} records a
     * page, newest first, with the vendor's {@code startDate}, {@code endDate} and {@code _links}.
     */
    String export() {
        String endpoint = "https://api.thousandeyes.com/v7/audit-user-events?useAllPermittedAids=true&startDate="
                + now.minus(OLDEST) + "&endDate=" + now;
        StringBuilder out = new StringBuilder();
        for (int from = 0, page = 1; from < records.size(); from += PAGE, page++) {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("auditEvents").addAll(records.subList(from, Math.min(records.size(), from + PAGE)));
            body.put("startDate", now.minus(OLDEST).toString()).put("endDate", now.toString());
            ObjectNode links = body.putObject("_links");
            links.putObject("self").put("href", page == 1 ? endpoint : endpoint + "&cursor=page" + page);
            if (from + PAGE < records.size()) {
                links.putObject("next").put("href", endpoint + "&cursor=page" + (page + 1));
            }
            out.append(body).append('\n');
        }
        return out.toString();
    }
}
