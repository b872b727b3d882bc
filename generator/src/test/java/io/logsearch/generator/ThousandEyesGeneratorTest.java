package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThousandEyesGeneratorTest {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern USER = Pattern.compile("(.+) \\(([^()\\s]+@[^()\\s]+\\.[a-z]+)\\)");
    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");
    private static final List<String> RECORD_FIELDS =
            List.of("accountGroupName", "aid", "date", "event", "ipAddress", "uid", "user");

    /** Built once for the class: every test only reads it. */
    private static final Generated EXPORT = Generated.run("thousandeyes", 20_000, 30, 3);

    @Test
    void pagesHaveTheVendorShapeAndLinkToEachOther() {
        List<JsonNode> pages = EXPORT.pages();
        assertEquals(20, pages.size());
        String self = "https://api.thousandeyes.com/v7/audit-user-events?useAllPermittedAids=true"
                + "&startDate=2025-05-02T00:00:00Z&endDate=2025-06-01T00:00:00Z";
        assertEquals(self, pages.get(0).at("/_links/self/href").asText());
        for (int p = 0; p < pages.size(); p++) {
            JsonNode page = pages.get(p);
            assertEquals(List.of("auditEvents", "startDate", "endDate", "_links"), Generated.fieldNames(page));
            assertEquals(1000, page.get("auditEvents").size());
            assertEquals("2025-05-02T00:00:00Z", page.get("startDate").asText());
            assertEquals("2025-06-01T00:00:00Z", page.get("endDate").asText());
            if (p + 1 < pages.size()) {
                String next = page.at("/_links/next/href").asText();
                assertTrue(next.startsWith(self + "&cursor="), next);
                assertEquals(next, pages.get(p + 1).at("/_links/self/href").asText());
            } else {
                assertEquals(List.of("self"), Generated.fieldNames(page.get("_links")));
            }
        }
    }

    @Test
    void anEmptyExportIsOneEmptyPage() {
        List<JsonNode> pages = Generated.run("thousandeyes", 0, 1, 3).pages();
        assertEquals(1, pages.size());
        assertEquals(0, pages.get(0).get("auditEvents").size());
        assertFalse(pages.get(0).get("_links").has("next"));
    }

    @Test
    void recordsLookLikeTheVendorsExamples() {
        for (JsonNode record : EXPORT.records()) {
            List<String> fields = Generated.fieldNames(record);
            assertEquals(RECORD_FIELDS, fields.subList(0, RECORD_FIELDS.size()), record.toString());
            RECORD_FIELDS.forEach(field -> Generated.assertText(record, field));
            assertTrue(DATE.matcher(record.get("date").asText()).matches(), record.toString());
            assertTrue(record.get("aid").asText().matches("\\d+"), record.toString());
            assertTrue(record.get("uid").asText().matches("\\d+"), record.toString());
            assertTrue(USER.matcher(record.get("user").asText()).matches(), record.toString());
            if (fields.size() > RECORD_FIELDS.size()) {
                assertEquals(List.of("resources"), fields.subList(RECORD_FIELDS.size(), fields.size()));
                assertTrue(record.get("resources").size() > 0);
                for (JsonNode resource : record.get("resources")) {
                    assertEquals(List.of("name", "type"), Generated.fieldNames(resource));
                    Generated.assertText(resource, "name");
                    Generated.assertText(resource, "type");
                }
            }
        }
    }

    @Test
    void recordsAreNewestFirst() {
        List<JsonNode> records = EXPORT.records();
        for (int i = 1; i < records.size(); i++) {
            String newer = records.get(i - 1).get("date").asText();
            String older = records.get(i).get("date").asText();
            assertTrue(newer.compareTo(older) >= 0, newer + " before " + older);
        }
    }

    @Test
    void aModestShareOfEventsFails() {
        long failures = EXPORT.records().stream()
                .map(record -> record.get("event").asText())
                .filter(event -> event.contains("failed") || event.contains("denied"))
                .count();
        double share = failures / 20_000.0;
        assertTrue(share > 0.02 && share < 0.3, "failure share " + share);
    }

    @Test
    void mixesIpv4Ipv6AndNetworks() throws UnknownHostException {
        int ipv4 = 0;
        int ipv6 = 0;
        int networks = 0;
        for (JsonNode record : EXPORT.records()) {
            String address = record.get("ipAddress").asText();
            Matcher cidr = CIDR.matcher(address);
            if (cidr.matches()) {
                byte[] network = InetAddress.getByName(cidr.group(1)).getAddress();
                int prefix = Integer.parseInt(cidr.group(2));
                assertTrue(prefix <= network.length * 8, address);
                assertTrue(hostBitsAreZero(network, prefix), address);
                networks++;
            } else if (address.contains(":")) {
                assertEquals(16, InetAddress.getByName(address).getAddress().length, address);
                ipv6++;
            } else {
                assertTrue(address.matches("\\d{1,3}(\\.\\d{1,3}){3}"), address);
                assertEquals(4, InetAddress.getByName(address).getAddress().length, address);
                ipv4++;
            }
        }
        assertTrue(ipv4 > ipv6 && ipv6 > 500 && networks > 500, ipv4 + " IPv4, " + ipv6 + " IPv6, " + networks + " CIDR");
    }

    @Test
    void manyUsersAndAccountGroupsWithASkewedMix() {
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Set<String> events = new HashSet<>();
        EXPORT.records().forEach(record -> {
            users.add(record.get("uid").asText());
            groups.add(record.get("aid").asText());
            events.add(record.get("event").asText());
        });
        assertTrue(users.size() >= 200, users.size() + " users");
        assertTrue(groups.size() >= 20, groups.size() + " account groups");
        assertTrue(events.size() >= 20, events.size() + " event texts");
        long logins = EXPORT.records().stream().filter(r -> r.get("event").asText().equals("Login successful.")).count();
        assertTrue(logins > 20_000 / events.size() * 3, "the most common action dominates: " + logins);
    }

    @Test
    void recordsStayDistinctWhenSecondsAreCrowded() {
        GeneratorSpec crowded = new GeneratorSpec(200_000, 1, 17, Generated.UNTIL);
        List<JsonNode> records = Generated.run("thousandeyes", crowded).records();
        Set<String> dateAndAddress = new HashSet<>();
        for (JsonNode record : records) {
            assertTrue(dateAndAddress.add(record.get("date").asText() + " " + record.get("ipAddress").asText()),
                    "repeated date and address: " + record);
        }
        assertEquals(200_000, new HashSet<>(records).size());
    }

    private static boolean hostBitsAreZero(byte[] network, int prefix) {
        for (int bit = prefix; bit < network.length * 8; bit++) {
            if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
