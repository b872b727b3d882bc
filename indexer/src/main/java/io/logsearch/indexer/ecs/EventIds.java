package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.indexer.sources.SourceContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** Deterministic event ids, so that loading the same record twice writes it once. */
public final class EventIds {

    private EventIds() {
    }

    /** SHA-256 (hex) over the source id, the context, and the canonical form of the record. */
    public static String contentId(String sourceId, SourceContext context, JsonNode record) {
        Hasher hasher = HASHERS.get();
        MessageDigest sha = hasher.sha;
        sha.reset();
        update(sha, sourceId);
        new TreeMap<>(context.values()).forEach((k, v) -> {
            update(sha, k);
            update(sha, v);
        });
        try {
            CanonicalJson.writeCanonical(record, hasher.canonical);
        } catch (RuntimeException e) {
            // the generator may be left inside the record: the next record on this thread gets a fresh one
            HASHERS.remove();
            throw e;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * SHA-256 (hex) over the source id, the organization id and the vendor's event id, each as its
     * UTF-8 byte count in decimal, {@code :} and its UTF-8 bytes.
     */
    public static String namespacedId(String sourceId, String organizationId, String vendorId) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        update(sha, sourceId);
        update(sha, organizationId);
        update(sha, vendorId);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EventIds::sha256);
    /** Per thread, as the digest: a generator made per record cost more than hashing it. */
    private static final ThreadLocal<Hasher> HASHERS = ThreadLocal.withInitial(Hasher::new);

    /** A digest and a generator writing canonical JSON into it. */
    private static final class Hasher {
        private final MessageDigest sha = sha256();
        private final JsonGenerator canonical = CanonicalJson.canonicalGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
