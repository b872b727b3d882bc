package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The access tokens Authing's management SDK exchanges its key and secret for: JWTs (HS256) that
 * name a logsearch token and expire, signed with a key derived from the server secret, so that
 * only this server's own tokens verify.
 */
public final class ManagementTokens {

    static final Duration LIFETIME = Duration.ofHours(2);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key;
    private final Clock clock;

    public ManagementTokens(byte[] serverSecret, Clock clock) {
        this.key = hmac(serverSecret, "logsearch authing management token".getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** A token for the logsearch token named {@code tokenName}, valid for {@link #LIFETIME}. */
    String issue(String tokenName) {
        long now = clock.instant().getEpochSecond();
        String payload = encode(JSON.createObjectNode().put("sub", tokenName).put("iat", now).put("exp", now + LIFETIME.toSeconds())
                .toString().getBytes(StandardCharsets.UTF_8));
        return HEADER + "." + payload + "." + encode(hmac(key, (HEADER + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The token name {@code token} was issued for, when it is one of ours, intact and unexpired. */
    Optional<String> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        byte[] expected = hmac(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        try {
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims.path("sub").asText()).filter(name -> !name.isEmpty());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }
}
