package io.logsearch.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * One event as a digest sees it: its document id and the SHA-256 (hex) of its canonical
 * {@code _source}.
 */
public record Leaf(String id, String sourceSha256) {

    /** Document ids in the order the store sorts them: their UTF-8 bytes, unsigned. */
    public static final Comparator<String> ID_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public Leaf {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a leaf needs a document id");
        }
        if (sourceSha256.length() != 64 || !sourceSha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: '" + sourceSha256 + "'");
        }
    }

    /** The leaf of the stored document {@code id} whose {@code _source} is {@code source}. */
    public static Leaf of(String id, byte[] source) {
        return of(id, CanonicalJson.parse(source));
    }

    /** The leaf of the stored document {@code id} whose parsed {@code _source} is {@code source}. */
    public static Leaf of(String id, JsonNode source) {
        return new Leaf(id, HexFormat.of().formatHex(Sha256.of(CanonicalJson.of(source))));
    }
}
