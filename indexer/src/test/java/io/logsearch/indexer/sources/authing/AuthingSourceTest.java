package io.logsearch.indexer.sources.authing;

import static io.logsearch.indexer.sources.TestRecords.withoutText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.TemplateConformance;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.sources.EcsExpectedEventTypes;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthingSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceContext POOL = new SourceContext(Map.of(SourceContext.USER_POOL_ID, "62b40fd5a7c1f4a8e2f0b9c1"));

    /** One page of {@code POST /api/v3/get-user-action-logs}, items shaped as the SDKs' UserActionLogDto. */
    private static final String PAGE = """
            {
              "statusCode": 200,
              "message": "操作成功",
              "apiCode": 20001,
              "data": {
                "totalCount": 1,
                "list": [
                  {
                    "userId": "6229ffaxxxxxxxxcade3e3d9",
                    "userAvatar": "https://files.authing.co/authing-console/default-user-avatar.png",
                    "userDisplayName": "Jane Doe",
                    "userLoginsCount": 12,
                    "appId": "62b40fd5xxxxxxxx0a4e1b2c",
                    "appName": "My App",
                    "clientIp": "203.0.113.7",
                    "eventType": "login",
                    "eventDetail": "password login",
                    "success": true,
                    "appLoginUrl": "https://my-app.authing.cn/login",
                    "appLogo": "https://files.authing.co/authing-console/default-app-logo.png",
                    "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                    "timestamp": "2024-03-05T08:09:10.123Z",
                    "requestId": "a1b2c3d4-e5f6-7890-abcd-ef0123456789",
                    "parsedUserAgent": {"device": "Other", "browser": "Chrome", "os": "Mac OS X"},
                    "geoip": {
                      "location": {"lon": 116.3883, "lat": 39.9289},
                      "country_name": "China",
                      "country_code2": "CN",
                      "country_code3": "CHN",
                      "region_name": "Beijing",
                      "region_code": "BJ",
                      "city_name": "Beijing",
                      "continent_code": "AS",
                      "timezone": "Asia/Shanghai"
                    }
                  }
                ]
              }
            }
            """;

    private final AuthingSource source = new AuthingSource();

    @Test
    void layoutReadsTheListAndTheUserPoolFromAWrapper() {
        ExportLayout layout = source.layout();
        assertEquals(List.of("data", "list"), layout.recordsPath());
        assertEquals(Optional.empty(), layout.itemWrapper());
        assertEquals(Map.of("userPoolId", SourceContext.USER_POOL_ID), layout.contextFields());
        assertEquals("authing", source.id());
    }

    @Test
    void fullRecordMapsEveryField() {
        ObjectNode record = firstRecord();
        NormalizedEvent normalized = normalize(record, POOL);
        JsonNode doc = normalized.document();

        assertEquals(Instant.parse("2024-03-05T08:09:10.123Z"), normalized.timestamp());
        assertEquals("2024-03-05T08:09:10.123Z", doc.get("@timestamp").asText());
        JsonNode event = doc.get("event");
        assertEquals("login", event.get("action").asText());
        assertEquals("success", event.get("outcome").asText());
        assertEquals("authing", event.get("provider").asText());
        assertEquals("authing.user_action", event.get("dataset").asText());
        assertEquals("event", event.get("kind").asText());
        assertEquals(List.of("authentication"), texts(event.get("category")));
        assertEquals(List.of("start"), texts(event.get("type")));
        assertEquals(normalized.id(), event.get("id").asText());
        assertTrue(normalized.id().matches("[0-9a-f]{64}"), normalized.id());
        assertEquals("Jane Doe login succeeded in app My App", doc.get("message").asText());

        assertEquals("6229ffaxxxxxxxxcade3e3d9", doc.at("/user/id").asText());
        // Authing's records carry no login name: the display name is user.full_name, never user.name
        assertTrue(doc.at("/user/name").isMissingNode());
        assertEquals("Jane Doe", doc.at("/user/full_name").asText());
        assertEquals(List.of("6229ffaxxxxxxxxcade3e3d9", "Jane Doe"), texts(doc.at("/related/user")));
        assertEquals("62b40fd5a7c1f4a8e2f0b9c1", doc.at("/organization/id").asText());
        assertEquals("62b40fd5a7c1f4a8e2f0b9c1", doc.at("/authing/user_pool_id").asText());

        assertEquals("203.0.113.7", doc.at("/client/ip").asText());
        assertEquals("203.0.113.7", doc.at("/client/address").asText());
        assertEquals("203.0.113.7", doc.at("/source/ip").asText());
        assertEquals(List.of("203.0.113.7"), texts(doc.at("/related/ip")));
        assertEquals("a1b2c3d4-e5f6-7890-abcd-ef0123456789", doc.at("/http/request/id").asText());

        assertEquals("62b40fd5xxxxxxxx0a4e1b2c", doc.at("/authing/app/id").asText());
        assertEquals("My App", doc.at("/authing/app/name").asText());
        assertEquals("https://my-app.authing.cn/login", doc.at("/authing/app/login_url").asText());
        assertEquals("https://files.authing.co/authing-console/default-app-logo.png", doc.at("/authing/app/logo").asText());
        assertEquals("https://files.authing.co/authing-console/default-user-avatar.png", doc.at("/authing/user/avatar").asText());
        assertTrue(doc.at("/authing/user/logins_count").isIntegralNumber());
        assertEquals(12L, doc.at("/authing/user/logins_count").asLong());
        assertEquals("password login", doc.at("/authing/event_detail").asText());

        JsonNode geo = doc.at("/source/geo");
        assertEquals(39.9289, geo.at("/location/lat").asDouble());
        assertEquals(116.3883, geo.at("/location/lon").asDouble());
        assertEquals("China", geo.get("country_name").asText());
        assertEquals("CN", geo.get("country_iso_code").asText());
        assertEquals("Beijing", geo.get("region_name").asText());
        assertEquals("CN-BJ", geo.get("region_iso_code").asText());
        assertEquals("Beijing", geo.get("city_name").asText());
        assertEquals("AS", geo.get("continent_code").asText());
        assertEquals("Asia/Shanghai", geo.get("timezone").asText());

        assertEquals(record.get("userAgent").asText(), doc.at("/user_agent/original").asText());
        assertEquals("Chrome", doc.at("/user_agent/name").asText());
        assertEquals("Mac OS X", doc.at("/user_agent/os/name").asText());
        assertEquals("Other", doc.at("/user_agent/device/name").asText());
        assertTrue(doc.at("/user_agent/version").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource({
            "'\"2024-03-05T08:09:10.123Z\"', 2024-03-05T08:09:10.123Z",
            "'\"2024-03-05T16:09:10.123+08:00\"', 2024-03-05T08:09:10.123Z",
            "'\"2024-03-05T08:09:10\"', 2024-03-05T08:09:10Z",
            "1709626150123, 2024-03-05T08:09:10.123Z",
            "'\"1709626150123\"', 2024-03-05T08:09:10.123Z",
    })
    void timestampIsIsoTextOrEpochMillisAsNumberOrText(String timestampJson, String expected) {
        ObjectNode record = firstRecord();
        record.set("timestamp", parse(timestampJson));
        NormalizedEvent event = normalize(record, POOL);
        assertEquals(Instant.parse(expected), event.timestamp());
        assertEquals(Instant.parse(expected).toString(), event.document().get("@timestamp").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "true", "{\"ms\":1}", "\"\"", "null"})
    void unusableTimestampIsRejected(String timestampJson) {
        ObjectNode record = firstRecord();
        record.set("timestamp", parse(timestampJson));
        assertTrue(rejectionOf(record, POOL).contains("'timestamp'"));
    }

    @Test
    void missingTimestampIsRejected() {
        ObjectNode record = firstRecord();
        record.remove("timestamp");
        assertEquals("missing 'timestamp'", rejectionOf(record, POOL));
    }

    @ParameterizedTest
    @CsvSource({
            "true, success, Jane Doe login succeeded in app My App",
            "false, failure, Jane Doe login failed in app My App",
            "'\"true\"', success, Jane Doe login succeeded in app My App",
            "'\" FALSE \"', failure, Jane Doe login failed in app My App",
            "'\"yes\"', unknown, Jane Doe login in app My App",
            "1, unknown, Jane Doe login in app My App",
            "null, unknown, Jane Doe login in app My App",
    })
    void outcomeFollowsSuccess(String successJson, String outcome, String message) {
        ObjectNode record = firstRecord();
        record.set("success", parse(successJson));
        JsonNode doc = normalize(record, POOL).document();
        assertEquals(outcome, doc.at("/event/outcome").asText());
        assertEquals(message, doc.get("message").asText());
    }

    @Test
    void missingSuccessIsAnUnknownOutcome() {
        ObjectNode record = firstRecord();
        record.remove("success");
        assertEquals("unknown", normalize(record, POOL).document().at("/event/outcome").asText());
    }

    @Test
    void missingUserPoolIsRejectedNamingTheContext() {
        ObjectNode record = firstRecord();
        String reason = rejectionOf(record, SourceContext.EMPTY);
        assertTrue(reason.startsWith("missing context 'userPoolId'"), reason);
        assertEquals(reason, rejectionOf(record, new SourceContext(Map.of(SourceContext.USER_POOL_ID, "  "))));
        assertEquals(reason, rejectionOf(record, new SourceContext(Map.of(SourceContext.USER_ID, "u1"))));
    }

    @Test
    void missingEventTypeIsRejected() {
        ObjectNode record = firstRecord();
        record.remove("eventType");
        assertEquals("missing 'eventType'", rejectionOf(record, POOL));
        record.put("eventType", " ");
        assertEquals("missing 'eventType'", rejectionOf(record, POOL));
    }

    @Test
    void eventIdIsDeterministicAndDependsOnThePool() {
        String first = normalize(firstRecord(), POOL).id();
        assertEquals(first, normalize(firstRecord(), POOL).id());
        assertNotEquals(first, normalize(firstRecord(), new SourceContext(Map.of(SourceContext.USER_POOL_ID, "other"))).id());
        ObjectNode changed = firstRecord();
        changed.put("requestId", "another");
        assertNotEquals(first, normalize(changed, POOL).id());
    }

    @Test
    void ipv6ClientIsCanonicalAndKeepsItsOriginalText() {
        ObjectNode record = firstRecord();
        record.put("clientIp", "2001:DB8::1");
        JsonNode doc = normalize(record, POOL).document();
        assertEquals("2001:db8::1", doc.at("/client/ip").asText());
        assertEquals("2001:db8::1", doc.at("/source/ip").asText());
        assertEquals(List.of("2001:db8::1"), texts(doc.at("/related/ip")));
        assertEquals("2001:DB8::1", doc.at("/client/address").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "203.0.113.7, 10.0.0.1", "999.1.1.1", "example.com", "10.0.0.0/8"})
    void clientIpThatIsNotOneAddressIsOnlyAnAddress(String clientIp) {
        ObjectNode record = firstRecord();
        record.put("clientIp", clientIp);
        JsonNode doc = normalize(record, POOL).document();
        assertEquals(clientIp, doc.at("/client/address").asText());
        assertTrue(doc.at("/client/ip").isMissingNode());
        assertFalse(doc.has("related") && doc.get("related").has("ip"));
        assertTrue(doc.at("/source/ip").isMissingNode());
    }

    @Test
    void missingOptionalFieldsAreLeftOut() {
        ObjectNode record = JSON.createObjectNode()
                .put("eventType", "logout")
                .put("timestamp", 1709626150123L);
        JsonNode doc = normalize(record, POOL).document();

        assertEquals("unknown user logout", doc.get("message").asText());
        assertEquals(List.of("end"), texts(doc.at("/event/type")));
        assertFalse(doc.has("user"));
        assertFalse(doc.has("client"));
        assertFalse(doc.has("source"));
        assertFalse(doc.has("related"));
        assertFalse(doc.has("user_agent"));
        assertFalse(doc.has("http"));
        assertEquals(List.of("user_pool_id"), fieldNames(doc.get("authing")));
    }

    @Test
    void userIdStandsInForAMissingDisplayName() {
        ObjectNode record = firstRecord();
        record.remove("userDisplayName");
        record.remove("appName");
        record.put("success", false);
        JsonNode doc = normalize(record, POOL).document();
        assertEquals("6229ffaxxxxxxxxcade3e3d9 login failed", doc.get("message").asText());
        assertTrue(doc.at("/user/name").isMissingNode());
        assertEquals(List.of("6229ffaxxxxxxxxcade3e3d9"), texts(doc.at("/related/user")));
    }

    @Test
    void geoipMissingOrNotAnObjectGivesNoGeo() {
        ObjectNode record = firstRecord();
        record.remove("geoip");
        assertTrue(normalize(record, POOL).document().at("/source/geo").isMissingNode());
        record.put("geoip", "CN");
        assertTrue(normalize(record, POOL).document().at("/source/geo").isMissingNode());
        record.putNull("geoip");
        assertTrue(normalize(record, POOL).document().at("/source/geo").isMissingNode());
    }

    @Test
    void partialGeoipKeepsWhatItHas() {
        ObjectNode record = firstRecord();
        record.set("geoip", parse("{\"country_code2\": \"DE\", \"city_name\": \"\", \"location\": {\"lat\": 52.52}}"));
        JsonNode geo = normalize(record, POOL).document().at("/source/geo");
        assertEquals(List.of("country_iso_code"), fieldNames(geo));
        assertEquals("DE", geo.get("country_iso_code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"lat\": 91, \"lon\": 10}",
            "{\"lat\": -90.5, \"lon\": 10}",
            "{\"lat\": 10, \"lon\": 180.01}",
            "{\"lat\": 10, \"lon\": -181}",
            "{\"lat\": \"north\", \"lon\": \"116.4\"}",
            "{\"lat\": \"NaN\", \"lon\": \"116.4\"}",
            "{\"lat\": \"95\", \"lon\": \"116.4\"}",
            "{\"lat\": null, \"lon\": 116.4}",
            "[39.9, 116.4]",
    })
    void locationOutOfRangeOrNotNumbersIsLeftOut(String location) {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("geoip")).set("location", parse(location));
        JsonNode geo = normalize(record, POOL).document().at("/source/geo");
        assertFalse(geo.has("location"));
        assertEquals("China", geo.get("country_name").asText());
    }

    @Test
    void locationGivenAsNumericTextIsKeptAsNumbers() {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("geoip")).set("location", parse("{\"lon\": \" 116.3883\", \"lat\": \"39.9289\"}"));
        JsonNode location = normalize(record, POOL).document().at("/source/geo/location");
        assertEquals(39.9289, location.get("lat").doubleValue());
        assertEquals(116.3883, location.get("lon").doubleValue());
        assertTrue(location.get("lat").isNumber());
    }

    @Test
    void locationOnTheEdgesIsKept() {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("geoip")).set("location", parse("{\"lon\": -180, \"lat\": 90}"));
        JsonNode location = normalize(record, POOL).document().at("/source/geo/location");
        assertEquals(90.0, location.get("lat").asDouble());
        assertEquals(-180.0, location.get("lon").asDouble());
    }

    @Test
    void parsedUserAgentObjectsGiveNamesAndVersions() {
        ObjectNode record = firstRecord();
        record.set("parsedUserAgent", parse("""
                {"browser": {"family": "Chrome", "major": "120", "minor": "0", "patch": "6099"},
                 "os": {"family": "Mac OS X", "major": 10, "minor": 15, "patch": 7},
                 "device": {"family": "Mac", "brand": "Apple", "model": "Mac"}}
                """));
        JsonNode ua = normalize(record, POOL).document().get("user_agent");
        assertEquals("Chrome", ua.get("name").asText());
        assertEquals("120.0.6099", ua.get("version").asText());
        assertEquals("Mac OS X", ua.at("/os/name").asText());
        assertEquals("10.15.7", ua.at("/os/version").asText());
        assertEquals("Mac OS X 10.15.7", ua.at("/os/full").asText());
        assertEquals("Mac", ua.at("/device/name").asText());
    }

    @Test
    void parsedUserAgentInUaParserJsShapeAndMixedShapes() {
        ObjectNode record = firstRecord();
        record.set("parsedUserAgent", parse("""
                {"browser": {"name": "Firefox", "version": "121.0"},
                 "os": "Windows 10",
                 "device": {"vendor": "unknown"}}
                """));
        JsonNode ua = normalize(record, POOL).document().get("user_agent");
        assertEquals("Firefox", ua.get("name").asText());
        assertEquals("121.0", ua.get("version").asText());
        assertEquals("Windows", ua.at("/os/name").asText());
        assertEquals("10", ua.at("/os/version").asText());
        assertEquals("Windows 10", ua.at("/os/full").asText());
        assertTrue(ua.at("/device").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Chrome 124.0.0                  | Chrome                | 124.0.0",
        "WeChat 8.0.47                   | WeChat                | 8.0.47",
        "Chrome Mobile WebView 99.0.4844 | Chrome Mobile WebView | 99.0.4844",
        "Mobile Safari 17.4.1            | Mobile Safari         | 17.4.1",
        "Chrome                          | Chrome                | ''",
    })
    void browserTextIsSplitIntoNameAndVersion(String text, String name, String version) {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("parsedUserAgent")).put("browser", text);
        JsonNode ua = normalize(record, POOL).document().get("user_agent");
        assertEquals(name, ua.get("name").asText());
        assertEquals(version, ua.path("version").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Windows 10       | Windows  | 10     | Windows 10",
        "Mac OS X 10.15.7 | Mac OS X | 10.15.7 | Mac OS X 10.15.7",
        "iOS 16.6         | iOS      | 16.6   | iOS 16.6",
        "Ubuntu           | Ubuntu   | ''     | ''",
        "Windows XP       | Windows XP | ''   | ''",
    })
    void osTextIsSplitIntoNameAndVersion(String text, String name, String version, String full) {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("parsedUserAgent")).put("os", text);
        JsonNode os = normalize(record, POOL).document().at("/user_agent/os");
        assertEquals(name, os.get("name").asText());
        assertEquals(version, os.path("version").asText());
        assertEquals(full, os.path("full").asText());
    }

    @Test
    void deviceNamesKeepTheirNumbers() {
        ObjectNode record = firstRecord();
        ((ObjectNode) record.get("parsedUserAgent")).put("device", "Google Pixel 8");
        assertEquals("Google Pixel 8", normalize(record, POOL).document().at("/user_agent/device/name").asText());
    }

    @Test
    void anObjectNameWithItsVersionIsSplitToo() {
        ObjectNode record = firstRecord();
        record.set("parsedUserAgent", parse("{\"browser\": {\"name\": \"Firefox 125.0\"}}"));
        JsonNode ua = normalize(record, POOL).document().get("user_agent");
        assertEquals("Firefox", ua.get("name").asText());
        assertEquals("125.0", ua.get("version").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CN | SH    | CN-SH",
        "cn | sh    | CN-SH",
        "JP | 13    | JP-13",
        "GB | ENG   | GB-ENG",
        "CN | CN-SH | CN-SH",
        "CN | ''    | ''",
        "'' | SH    | ''",
        "CHN | SH   | ''",
        "CN | Shanghai | ''",
    })
    void regionIsoCodeIsIso3166Dash2WhenDerivable(String country, String region, String expected) {
        ObjectNode record = firstRecord();
        ObjectNode geoip = (ObjectNode) record.get("geoip");
        geoip.put("country_code2", country).put("region_code", region);
        assertEquals(expected, normalize(record, POOL).document().at("/source/geo").path("region_iso_code").asText());
    }

    @Test
    void versionStopsAtTheFirstMissingPart() {
        ObjectNode record = firstRecord();
        record.set("parsedUserAgent", parse("{\"browser\": {\"family\": \"Safari\", \"major\": \"17\", \"patch\": \"1\"}}"));
        JsonNode ua = normalize(record, POOL).document().get("user_agent");
        assertEquals("17", ua.get("version").asText());
        assertFalse(ua.has("os"));
    }

    @Test
    void eventDetailObjectsAreCompactJsonText() {
        ObjectNode record = firstRecord();
        record.set("eventDetail", parse("{ \"method\" : \"password\", \"mfa\" : [ \"otp\" ] }"));
        assertEquals("{\"method\":\"password\",\"mfa\":[\"otp\"]}",
                normalize(record, POOL).document().at("/authing/event_detail").asText());
    }

    @Test
    void loginsCountAsTextIsANumberAndGarbageIsLeftOut() {
        ObjectNode record = firstRecord();
        record.put("userLoginsCount", "42");
        JsonNode count = normalize(record, POOL).document().at("/authing/user/logins_count");
        assertTrue(count.isIntegralNumber());
        assertEquals(42L, count.asLong());
        record.put("userLoginsCount", "many");
        assertTrue(normalize(record, POOL).document().at("/authing/user/logins_count").isMissingNode());
        record.put("userLoginsCount", 1.5);
        assertTrue(normalize(record, POOL).document().at("/authing/user/logins_count").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource({
            "login, authentication, start",
            "loginByPhoneCode, authentication, start",
            "logout, authentication, end",
            "signout, authentication, end",
            "register, iam, user creation",
            "signup, iam, user creation",
            "verifyMfa, authentication, info",
            "createUser, iam, user creation",
            "deleteAccount, iam, user deletion",
            "updateProfile, iam, user change",
            "resetPassword, iam, user change",
            "changePassword, iam, user change",
            "bindPhone, iam, user change",
            "bindEmail, iam, user change",
            "enableMfa, iam, user change",
            "exportData, iam, user info",
    })
    void eventTypesAreClassified(String eventType, String category, String type) {
        ObjectNode record = firstRecord();
        record.put("eventType", eventType);
        JsonNode doc = normalize(record, POOL).document();
        assertEquals(eventType, doc.at("/event/action").asText());
        assertEquals(List.of(category), texts(doc.at("/event/category")));
        assertEquals(List.of(type.split(" ")), texts(doc.at("/event/type")));
        EcsExpectedEventTypes.assertExpected(texts(doc.at("/event/category")), texts(doc.at("/event/type")), eventType);
    }

    @Test
    void fieldsAreReadByTheRecordFieldRule() {
        ObjectNode record = firstRecord();
        record.put("userId", 42).put("appName", "  Console  ").put("appId", 1.5).put("clientIp", " 203.0.113.9 ");
        record.put("eventType", " login ");
        JsonNode doc = normalize(record, POOL).document();
        assertEquals("42", doc.at("/user/id").asText());
        assertEquals("Console", doc.at("/authing/app/name").asText());
        assertTrue(doc.at("/authing/app/id").isMissingNode(), "a fraction is not an id");
        assertEquals("203.0.113.9", doc.at("/client/ip").asText());
        assertEquals("login", doc.at("/event/action").asText());
        record.put("eventType", true);
        assertEquals("'eventType' is not text", rejectionOf(record, POOL));
    }

    private NormalizedEvent normalize(ObjectNode record, SourceContext context) {
        String before = record.toString();
        NormalizedEvent event = source.normalize(withoutText(record), context);
        assertEquals(before, record.toString(), "normalize must not change its record");
        assertEquals(CanonicalJson.compact(record), event.document().at("/event/original").asText());
        TemplateConformance.assertEveryFieldIsMapped(event.document());
        return event;
    }

    private String rejectionOf(ObjectNode record, SourceContext context) {
        return assertThrows(RejectedRecordException.class, () -> source.normalize(withoutText(record), context)).getMessage();
    }

    private ObjectNode firstRecord() {
        JsonNode node = parse(PAGE);
        for (String field : source.layout().recordsPath()) {
            node = node.get(field);
        }
        return (ObjectNode) node.get(0);
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), () -> "expected an array: " + array);
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        return StreamSupport.stream(object.properties().spliterator(), false).map(Map.Entry::getKey).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
