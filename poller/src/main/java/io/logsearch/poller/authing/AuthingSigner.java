package io.logsearch.poller.authing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request as Authing's Node SDK does ({@code src/utils/buildSignature.ts} of
 * {@code Authing/authing-node-sdk}: {@code buildStringToSign}, {@code buildSignature},
 * {@code buildAuthorization}): the method; each {@code date} and {@code x-authing-*} header sorted
 * by name as {@code name:value} lines (tabs and line breaks turned into spaces, trimmed); the path
 * relative to the API host, then {@code ?} and the body's top-level fields sorted by name as
 * {@code name=value} joined by {@code &}, objects as {@code JSON.stringify} writes them. The
 * signature is the Base64 HMAC-SHA1 of that text under the secret.
 */
final class AuthingSigner {

    private AuthingSigner() {
    }

    /**
     * @param headers    the request's headers by lower-case name; only {@code date} and {@code x-authing-*} are signed
     * @param parameters the body's top-level fields, each as {@code JSON.stringify} (objects) or {@code String(value)} (scalars) writes it
     */
    static String stringToSign(String method, String path, Map<String, String> headers, Map<String, String> parameters) {
        StringBuilder text = new StringBuilder(method).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> {
            if (name.startsWith("x-authing-") || name.equals("date")) {
                text.append(name).append(':').append(value.replaceAll("[\t\n\r\f]", " ").trim()).append('\n');
            }
        });
        text.append(path);
        StringBuilder query = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value));
        if (!query.isEmpty()) {
            text.append('?').append(query);
        }
        return text.toString();
    }

    /** {@code authing <accessKeyId>:<Base64 HMAC-SHA1 of stringToSign under secret>} */
    static String authorization(String accessKeyId, String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "authing " + accessKeyId + ":" + Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA1", e);
        }
    }
}
