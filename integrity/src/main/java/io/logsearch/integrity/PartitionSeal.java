package io.logsearch.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Seals one partition as its events stream by in {@code _id} order: counts them, folds their
 * leaves into the Merkle root, notes the {@code @timestamp}s they span and writes the leaves to
 * the digest's {@link LeafFile}. Memory does not grow with the events.
 */
public final class PartitionSeal implements Closeable {

    private final MerkleRoot root = new MerkleRoot();
    private final LeafFile.Writer leaves;
    private Instant earliest = Instant.MAX;
    private Instant latest = Instant.MIN;

    public PartitionSeal(Path leafFile) throws IOException {
        this.leaves = new LeafFile.Writer(leafFile);
    }

    /** Adds the stored event {@code id} whose {@code _source} bytes are {@code source}. */
    public void add(String id, byte[] source) {
        JsonNode document = CanonicalJson.parse(source);
        Instant timestamp = timestamp(id, document);
        Leaf leaf = Leaf.of(id, document);
        root.add(leaf);
        leaves.write(leaf);
        earliest = timestamp.isBefore(earliest) ? timestamp : earliest;
        latest = timestamp.isAfter(latest) ? timestamp : latest;
    }

    /** The unsigned digest of what was added; fails when nothing was. */
    public PartitionDigest digest(String base, String partition, int version, String previousDigestHash,
            Instant created, String keyId) {
        if (root.count() == 0) {
            throw new IllegalStateException("partition " + partition + " holds no events: nothing to seal");
        }
        return new PartitionDigest(base, partition, version, root.count(), root.root(), earliest, latest,
                previousDigestHash, created, keyId, PartitionDigest.UNSIGNED);
    }

    private static Instant timestamp(String id, JsonNode document) {
        JsonNode value = document.get("@timestamp");
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("event " + id + " has no @timestamp text");
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event " + id + " has an @timestamp that is not ISO-8601: '"
                    + value.textValue() + "'", e);
        }
    }

    @Override
    public void close() throws IOException {
        leaves.close();
    }
}
