package io.logsearch.api.compat.authing;

import io.logsearch.api.auth.AccessDenied;
import io.logsearch.api.auth.AccessKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Checks requests signed as Authing's SDKs sign them ({@link AuthingSignature}): the signature under
 * the access key's secret, a {@code date} within {@link #SKEW} of the server's clock (an RFC 1123
 * date as the Node SDK sends, or epoch milliseconds as the Java SDK does), and a
 * {@code x-authing-signature-nonce} not seen before while its request could still be accepted.
 */
public final class RequestSignatures {

    static final Duration SKEW = Duration.ofMinutes(15);
    static final String NONCE_HEADER = "x-authing-signature-nonce";

    private record Seen(Instant forgetAt, String key) {
    }

    private final Clock clock;
    private final Map<String, Instant> nonces = new HashMap<>();
    private final PriorityQueue<Seen> expiry = new PriorityQueue<>((a, b) -> a.forgetAt().compareTo(b.forgetAt()));

    public RequestSignatures(Clock clock) {
        this.clock = clock;
    }

    /** @throws AccessDenied (401) saying what is wrong with the signed request */
    void verify(SignedRequest request, AccessKey key) {
        String method = request.headers().getOrDefault("x-authing-signature-method", "HMAC-SHA1");
        if (!method.equalsIgnoreCase("HMAC-SHA1")) {
            throw AccessDenied.unauthenticated("x-authing-signature-method " + method + " is not supported; sign with HMAC-SHA1.");
        }
        String expected = AuthingSignature.sign(key.secret(), AuthingSignature.stringToSign(request.method(), request.path(),
                request.headers(), request.parameters()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), request.signature().getBytes(StandardCharsets.UTF_8))) {
            throw AccessDenied.unauthenticated("The signature does not match the request signed with the secret of access key '"
                    + key.id() + "'.");
        }
        Instant date = date(request.headers().get("date"));
        Instant now = clock.instant();
        if (Duration.between(date, now).abs().compareTo(SKEW) > 0) {
            throw AccessDenied.unauthenticated("The date header " + request.headers().get("date") + " is more than "
                    + SKEW.toMinutes() + " minutes off the server's clock (" + now + ").");
        }
        String nonce = Optional.ofNullable(request.headers().get(NONCE_HEADER)).filter(n -> !n.isBlank()).orElseThrow(() ->
                AccessDenied.unauthenticated("A signed request needs the header " + NONCE_HEADER + "."));
        if (!firstUse(key.id() + "\n" + nonce, date.plus(SKEW), now)) {
            throw AccessDenied.unauthenticated("The nonce " + nonce + " was used already: a signed request is accepted once.");
        }
    }

    private synchronized boolean firstUse(String key, Instant forgetAt, Instant now) {
        while (!expiry.isEmpty() && expiry.peek().forgetAt().isBefore(now)) {
            nonces.remove(expiry.poll().key());
        }
        if (nonces.putIfAbsent(key, forgetAt) != null) {
            return false;
        }
        expiry.add(new Seen(forgetAt, key));
        return true;
    }

    private static Instant date(String header) {
        if (header == null || header.isBlank()) {
            throw AccessDenied.unauthenticated("A signed request needs a date header.");
        }
        String text = header.trim();
        try {
            return text.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(text))
                    : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw AccessDenied.unauthenticated("The date header '" + text + "' is neither an RFC 1123 date nor epoch milliseconds.");
        }
    }
}
