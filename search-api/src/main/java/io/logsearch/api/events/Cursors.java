package io.logsearch.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.ApiProblem;
import io.logsearch.storage.query.SearchAfter;
import io.logsearch.storage.query.TimeRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque paging cursors: where the previous page ended, the absolute time range resolved on the
 * first page (so a {@code window} does not slide while paging), and a fingerprint of the filters,
 * signed with HMAC-SHA256 so a client can neither forge nor alter one.
 */
public final class Cursors {

    /** What a cursor carries. */
    public record State(Optional<TimeRange> range, SearchAfter after, String fingerprint) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public Cursors(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the cursor secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String encode(State state) {
        ObjectNode body = JSON.createObjectNode()
                .put("t", state.after().timestampMillis())
                .put("i", state.after().eventId())
                .put("f", state.fingerprint());
        state.range().ifPresent(r -> body.put("s", r.start().toEpochMilli()).put("e", r.end().toEpochMilli()));
        String payload = ENCODER.encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The cursor's state; 400 when it was not made here, was altered, or belongs to other filters. */
    public State decode(String cursor, String fingerprint) {
        int dot = cursor.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        byte[] signature;
        JsonNode body;
        try {
            signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            body = JSON.readTree(DECODER.decode(payload));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (!fingerprint.equals(body.path("f").asText())) {
            throw ApiProblem.invalid("cursor", "belongs to a query with other filters or order, or to another token; start again without a cursor");
        }
        Optional<TimeRange> range = body.has("s")
                ? Optional.of(new TimeRange(Instant.ofEpochMilli(body.get("s").asLong()), Instant.ofEpochMilli(body.get("e").asLong())))
                : Optional.empty();
        return new State(range, new SearchAfter(body.path("t").asLong(), body.path("i").asText()), fingerprint);
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this service issued, or it was altered; use the next link as given");
    }
}
