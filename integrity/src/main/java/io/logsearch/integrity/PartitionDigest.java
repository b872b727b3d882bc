package io.logsearch.integrity;

import java.time.Instant;

/**
 * What a seal states about one partition at one moment, signed: its {@code documentCount} events,
 * their Merkle root over the sorted ({@code _id}, SHA-256 of canonical {@code _source}) pairs, the
 * {@code @timestamp}s they span, and the hash of the digest sealed before it in the index base's
 * chain ({@link #GENESIS} for the first). {@code signature} is Ed25519 (base64) over
 * {@link DigestJson#signedBytes}, by the key {@code keyId}; {@link #UNSIGNED} before signing. A
 * {@code retired} digest records that {@code prune} deleted the partition on purpose: it holds no
 * events, and its time range is the one of the version before it.
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
        boolean retired,
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
        if (retired && documentCount != 0) {
            throw new IllegalArgumentException("a retired partition holds no events, not " + documentCount);
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("the time range ends (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    public PartitionDigest signed(String signatureBase64) {
        return new PartitionDigest(base, partition, version, documentCount, merkleRoot, earliest, latest,
                previousDigestHash, created, keyId, retired, signatureBase64);
    }

    /** The unsigned record, chained after {@code previousDigestHash}, that this partition was pruned. */
    public PartitionDigest retirement(String previousHash, Instant at) {
        return new PartitionDigest(base, partition, version + 1, 0, new MerkleRoot().root(), earliest, latest,
                previousHash, at, keyId, true, UNSIGNED);
    }
}
