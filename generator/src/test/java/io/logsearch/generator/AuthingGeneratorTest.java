package io.logsearch.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthingGeneratorTest {

    private static final List<String> RECORD_FIELDS = List.of("userId", "userAvatar", "userDisplayName",
            "userLoginsCount", "appId", "appName", "clientIp", "eventType", "eventDetail", "success", "appLoginUrl",
            "appLogo", "userAgent", "timestamp", "requestId", "parsedUserAgent", "geoip");
    private static final List<String> GEOIP_FIELDS = List.of("location", "country_name", "country_code2",
            "country_code3", "region_name", "region_code", "city_name", "continent_code", "timezone");

    /** Built once for the class: every test only reads it. */
    private static final Generated EXPORT = Generated.run("authing", 20_000, 30, 13);

    @Test
    void pagesCarryTheirUserPoolAndItsTotal() {
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> counted = new HashMap<>();
        String previousPool = "";
        Set<String> finished = new HashSet<>();
        for (JsonNode page : EXPORT.pages()) {
            assertEquals(List.of("userPoolId", "statusCode", "message", "data"), Generated.fieldNames(page));
            assertEquals(200, page.get("statusCode").asInt());
            assertEquals("", page.get("message").asText());
            assertEquals(List.of("totalCount", "list"), Generated.fieldNames(page.get("data")));
            String pool = page.get("userPoolId").asText();
            assertTrue(pool.matches("[0-9a-f]{24}"), pool);
            if (!pool.equals(previousPool)) {
                assertTrue(finished.add(previousPool), "a pool's pages are consecutive");
                previousPool = pool;
            }
            int size = page.at("/data/list").size();
            assertTrue(size >= 1 && size <= 50, size + " records");
            totals.put(pool, page.at("/data/totalCount").asLong());
            counted.merge(pool, (long) size, Long::sum);
        }
        assertEquals(totals, counted);
        assertTrue(totals.size() >= 15, totals.size() + " user pools");
    }

    @Test
    void recordsCarryEveryUserActionLogField() {
        for (JsonNode record : EXPORT.records()) {
            assertEquals(RECORD_FIELDS, Generated.fieldNames(record));
            List.of("userId", "userAvatar", "userDisplayName", "appId", "appName", "clientIp", "eventType",
                    "eventDetail", "appLoginUrl", "appLogo", "userAgent", "requestId")
                    .forEach(field -> Generated.assertText(record, field));
            assertTrue(record.get("userLoginsCount").isIntegralNumber() && record.get("userLoginsCount").asInt() > 0);
            assertTrue(record.get("success").isBoolean(), record.toString());
            assertTrue(record.get("timestamp").isIntegralNumber() || record.get("timestamp").isTextual());
            assertEquals(List.of("device", "browser", "os"), Generated.fieldNames(record.get("parsedUserAgent")));
            JsonNode geoip = record.get("geoip");
            assertEquals(GEOIP_FIELDS, Generated.fieldNames(geoip));
            assertEquals(List.of("lon", "lat"), Generated.fieldNames(geoip.get("location")));
            assertTrue(Math.abs(geoip.at("/location/lat").asDouble()) <= 90 && Math.abs(geoip.at("/location/lon").asDouble()) <= 180);
            assertEquals(2, geoip.get("country_code2").asText().length());
            assertEquals(3, geoip.get("country_code3").asText().length());
        }
    }

    @Test
    void timestampsMixIsoStringsAndEpochMilliseconds() {
        long numbers = EXPORT.records().stream().filter(record -> record.get("timestamp").isNumber()).count();
        assertTrue(numbers > 1_000 && numbers < 19_000, numbers + " epoch-millisecond timestamps");
    }

    @Test
    void aModestShareOfActionsFails() {
        long failures = EXPORT.records().stream().filter(record -> !record.get("success").asBoolean()).count();
        double share = failures / 20_000.0;
        assertTrue(share > 0.02 && share < 0.3, "failure share " + share);
    }

    @Test
    void manyUsersAppsAndEventTypes() {
        Set<String> users = new HashSet<>();
        Set<String> apps = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> requests = new HashSet<>();
        boolean ipv6 = false;
        for (JsonNode record : EXPORT.records()) {
            users.add(record.get("userId").asText());
            apps.add(record.get("appId").asText());
            types.add(record.get("eventType").asText());
            requests.add(record.get("requestId").asText());
            ipv6 |= record.get("clientIp").asText().contains(":");
        }
        assertTrue(users.size() >= 200, users.size() + " users");
        assertTrue(apps.size() >= 20, apps.size() + " apps");
        assertTrue(types.containsAll(Set.of("login", "logout", "register", "verifyMfa", "updateProfile", "resetPassword")),
                types.toString());
        assertEquals(20_000, requests.size(), "request ids are unique");
        assertTrue(ipv6, "some clients use IPv6");
    }
}
