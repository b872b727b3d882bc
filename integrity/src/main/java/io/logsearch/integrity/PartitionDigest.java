package io.logsearch.integrity;

import java.time.Instant;

/**
 * What a seal states about one partition at one moment, signed: its {@code documentCount} events,
 * their Merkle root over the sorted ({@code _id}, SHA-256 of canonical {@code _source}) pairs, the
 * {@code @timestamp}s they span, and the hash of the digest sealed before it in the index base's
 * chain ({@link #GENESIS} for the first). {@code signature} is Ed25519 (base64) over
 * {@link DigestJson#signedBytes}, by the key {@code keyId}; {@link #UNSIGNED} before signing.
 */
public record PartitionDigest(
        String base,
        String partition,
        int version,
        long documentCount,
        String merkleRoot,
        Instant earliest,
        Instant latest,
        String previousDigestHash,
        Instant created,
        String keyId,
        String signature) {

    /** The previous digest hash of a chain's first digest. */
    public static final String GENESIS = "0".repeat(64);
    public static final String UNSIGNED = "";

    public PartitionDigest {
        if (base.isEmpty() || partition.isEmpty()) {
            throw new IllegalArgumentException("a digest names its index base and partition");
        }
        if (version < 1) {
            throw new IllegalArgumentException("digest versions start at 1, not " + version);
        }
        if (documentCount < 0) {
            throw new IllegalArgumentException("a negative document count: " + documentCount);
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("the time range ends (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    public PartitionDigest signed(String signatureBase64) {
        return new PartitionDigest(base, partition, version, documentCount, merkleRoot, earliest, latest,
                previousDigestHash, created, keyId, signatureBase64);
    }
}
