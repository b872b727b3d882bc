package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authing's request signature, exactly as its Node SDK computes it ({@code src/utils/buildSignature.ts}
 * of {@code Authing/authing-node-sdk} 4.0.2, {@code buildStringToSign} and {@code buildSignature}):
 * the method, then every {@code date} and {@code x-authing-*} header sorted by name as
 * {@code name:value} lines (tabs and line breaks in values turned into spaces, trimmed), then the
 * path relative to the API host followed, when there are any, by {@code ?} and the request's
 * parameters (the JSON body's top-level fields for a POST, the query for a GET) sorted by name as
 * {@code name=value} joined with {@code &}, objects and arrays as {@code JSON.stringify} writes
 * them. The signature is the Base64 HMAC-SHA1 of that text under the access key's secret.
 */
final class AuthingSignature {

    private AuthingSignature() {
    }

    /** @param headers request headers by lower-case name; those not signed are ignored */
    static String stringToSign(String method, String path, Map<String, String> headers, Map<String, JsonNode> parameters) {
        StringBuilder text = new StringBuilder(method).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> {
            if (name.startsWith("x-authing-") || name.equals("date")) {
                text.append(name).append(':').append(value.replaceAll("[\t\n\r\f]", " ").trim()).append('\n');
            }
        });
        text.append(path);
        if (!parameters.isEmpty()) {
            StringBuilder query = new StringBuilder();
            new TreeMap<>(parameters).forEach((name, value) -> {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=');
                if (value.isContainerNode()) {
                    stringify(value, query);
                } else {
                    query.append(value.isTextual() ? value.asText() : scalar(value));
                }
            });
            text.append('?').append(query);
        }
        return text.toString();
    }

    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA1", e);
        }
    }

    /** {@code JSON.stringify}: compact, keys in the order given. */
    private static void stringify(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                quote(field.getKey(), out);
                out.append(':');
                stringify(field.getValue(), out);
                out.append(fields.hasNext() ? "," : "");
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ",");
                stringify(value.get(i), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            quote(value.asText(), out);
        } else {
            out.append(scalar(value));
        }
    }

    /** A number, boolean or null as JavaScript's {@code String(value)} writes it. */
    private static String scalar(JsonNode value) {
        if (!value.isNumber()) {
            return value.asText();
        }
        double number = value.doubleValue();
        if (number == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(number)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -6 && exponent < 21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (number < 0 ? "-" : "") + mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.abs(exponent);
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
