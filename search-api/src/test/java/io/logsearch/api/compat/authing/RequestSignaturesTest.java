package io.logsearch.api.compat.authing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.AccessKey;
import io.logsearch.api.auth.Caller;
import io.logsearch.api.auth.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Authing's request signatures. The vectors were computed by the functions of
 * {@code src/utils/buildSignature.ts} of {@code Authing/authing-node-sdk} 4.0.2 ({@code getCanonicalizedHeaders},
 * {@code getCanonicalizedResource}, {@code buildStringToSign}, {@code buildSignature}), run in Node.js
 * with the headers {@code DEFAULT_HEADERS} and {@code ManagementHttpClient.request} set.
 */
class RequestSignaturesTest {

    private static final String SECRET = "s3cret-of-pool-a";
    private static final String PATH = "/api/v3/get-user-action-logs";
    private static final String BODY = "{\"userId\":\"u1\",\"start\":1764000000000,\"end\":1764800000000,\"success\":false,"
            + "\"pagination\":{\"page\":2,\"limit\":50},\"eventType\":\"login\"}";
    private static final String SIGNATURE = "lz9TwYlqsdSgWo6xonVC51VM0oE=";
    private static final Instant NOW = Instant.parse("2026-12-03T14:05:00Z");
    private static final AccessKey KEY = new AccessKey("pool-a-key", SECRET, new Caller("pool-a-key", Optional.of(Set.of("pool-a")),
            EnumSet.of(Scope.SEARCH), Optional.empty(), Optional.empty(), Optional.empty()));

    private static Map<String, String> headers(String date, String nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("content-type", "application/json");
        headers.put("x-authing-signature-nonce", nonce);
        headers.put("x-authing-signature-method", "HMAC-SHA1");
        headers.put("x-authing-signature-version", "1.0");
        headers.put("user-agent", "AuthingIdentityCloud (linux; x64) Node.js/v18.0.0 Core/4.0.2");
        headers.put("x-authing-sdk-version", "authing-node-sdk:4.0.2");
        headers.put("x-authing-lang", "zh-CN");
        headers.put("date", date);
        return headers;
    }

    private static Map<String, String> sdkHeaders() {
        return headers("Thu, 03 Dec 2026 14:00:00 GMT", "5f2b8c0e9d1a4b7c8e6f0a1b2c3d4e5f");
    }

    private static Map<String, JsonNode> fields(String body) throws Exception {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        AuthingBody.JSON.readTree(body).fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
        return fields;
    }

    /** A request signed here as the SDK signs it. */
    private static SignedRequest signed(String secret, Map<String, String> headers, String body) throws Exception {
        String signature = AuthingSignature.sign(secret, AuthingSignature.stringToSign("POST", PATH, headers, fields(body)));
        return new SignedRequest(KEY.id(), signature, "POST", PATH, headers, fields(body));
    }

    private static RequestSignatures signatures() {
        return new RequestSignatures(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theStringToSignAndTheSignatureAreTheNodeSdks() throws Exception {
        String stringToSign = AuthingSignature.stringToSign("POST", PATH, sdkHeaders(), fields(BODY));
        assertEquals("POST\ndate:Thu, 03 Dec 2026 14:00:00 GMT\nx-authing-lang:zh-CN\nx-authing-sdk-version:authing-node-sdk:4.0.2\n"
                + "x-authing-signature-method:HMAC-SHA1\nx-authing-signature-nonce:5f2b8c0e9d1a4b7c8e6f0a1b2c3d4e5f\n"
                + "x-authing-signature-version:1.0\n/api/v3/get-user-action-logs?end=1764800000000&eventType=login"
                + "&pagination={\"page\":2,\"limit\":50}&start=1764000000000&success=false&userId=u1", stringToSign);
        assertEquals(SIGNATURE, AuthingSignature.sign(SECRET, stringToSign));
    }

    @Test
    void nestedValuesAreWrittenAsJavaScriptsJsonStringify() throws Exception {
        String body = "{\"clientIp\":\"10.0.0.1\",\"pagination\":{\"limit\":10.5e1,\"page\":1e21},"
                + "\"x\":[1,\"a\\u0001\\\"b\",null,true,0.0000001]}";
        String stringToSign = AuthingSignature.stringToSign("POST", PATH, sdkHeaders(), fields(body));
        assertTrue(stringToSign.endsWith("?clientIp=10.0.0.1&pagination={\"limit\":105,\"page\":1e+21}&x=[1,\"a\\u0001\\\"b\",null,true,1e-7]"),
                stringToSign);
        assertEquals("wYyLDI7Ii0wf6IezTGR+P9h+maQ=", AuthingSignature.sign(SECRET, stringToSign));
    }

    @Test
    void aRequestSignedAsTheSdkSignsItIsAcceptedOnce() throws Exception {
        RequestSignatures signatures = signatures();
        SignedRequest request = new SignedRequest(KEY.id(), SIGNATURE, "POST", PATH, sdkHeaders(), fields(BODY));
        assertDoesNotThrow(() -> signatures.verify(request, KEY));
        AccessDenied replay = assertThrows(AccessDenied.class, () -> signatures.verify(request, KEY));
        assertEquals(401, replay.status());
        assertTrue(replay.getMessage().contains("was used already"), replay.getMessage());
        assertDoesNotThrow(() -> signatures.verify(signed(SECRET, headers("Thu, 03 Dec 2026 14:00:00 GMT", "another"), BODY), KEY));
    }

    @Test
    void theJavaSdksEpochMillisecondDateIsAcceptedToo() throws Exception {
        String millis = Long.toString(NOW.minusSeconds(60).toEpochMilli());
        assertDoesNotThrow(() -> signatures().verify(signed(SECRET, headers(millis, "n1"), BODY), KEY));
    }

    @Test
    void aDateOutsideTheFifteenMinuteWindowIsRefused() throws Exception {
        RequestSignatures signatures = signatures();
        assertDoesNotThrow(() -> signatures.verify(signed(SECRET, headers("Thu, 03 Dec 2026 14:20:00 GMT", "edge"), BODY), KEY));
        for (String date : new String[] {"Thu, 03 Dec 2026 13:49:59 GMT", "Thu, 03 Dec 2026 14:20:01 GMT"}) {
            AccessDenied skewed = assertThrows(AccessDenied.class, () -> signatures.verify(signed(SECRET, headers(date, date), BODY), KEY));
            assertEquals(401, skewed.status());
            assertTrue(skewed.getMessage().contains("more than 15 minutes off"), skewed.getMessage());
        }
        AccessDenied garbled = assertThrows(AccessDenied.class, () ->
                signatures.verify(signed(SECRET, headers("yesterday", "g"), BODY), KEY));
        assertTrue(garbled.getMessage().contains("neither an RFC 1123 date nor epoch milliseconds"), garbled.getMessage());
    }

    @Test
    void aWrongSecretOrAnAlteredRequestIsRefused() throws Exception {
        RequestSignatures signatures = signatures();
        AccessDenied wrongSecret = assertThrows(AccessDenied.class, () -> signatures.verify(signed("not-the-secret", sdkHeaders(), BODY), KEY));
        assertEquals(401, wrongSecret.status());
        assertTrue(wrongSecret.getMessage().contains("signature does not match"), wrongSecret.getMessage());
        SignedRequest altered = new SignedRequest(KEY.id(), SIGNATURE, "POST", PATH, sdkHeaders(), fields(BODY.replace("u1", "u2")));
        assertThrows(AccessDenied.class, () -> signatures.verify(altered, KEY));
        Map<String, String> otherNonce = sdkHeaders();
        otherNonce.put("x-authing-signature-nonce", "replaced");
        assertThrows(AccessDenied.class, () -> signatures.verify(new SignedRequest(KEY.id(), SIGNATURE, "POST", PATH, otherNonce,
                fields(BODY)), KEY));
    }

    @Test
    void aSignedRequestNeedsADateAndANonce() throws Exception {
        Map<String, String> noNonce = sdkHeaders();
        noNonce.remove("x-authing-signature-nonce");
        AccessDenied missingNonce = assertThrows(AccessDenied.class, () -> signatures().verify(signed(SECRET, noNonce, BODY), KEY));
        assertTrue(missingNonce.getMessage().contains("x-authing-signature-nonce"), missingNonce.getMessage());
        Map<String, String> noDate = sdkHeaders();
        noDate.remove("date");
        AccessDenied missingDate = assertThrows(AccessDenied.class, () -> signatures().verify(signed(SECRET, noDate, BODY), KEY));
        assertTrue(missingDate.getMessage().contains("date header"), missingDate.getMessage());
    }
}
