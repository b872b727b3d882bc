package io.logsearch.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

/**
 * Seals one partition from its events in any order: notes the {@code @timestamp}s they span and
 * sorts their leaves ({@link SortedLeaves}, bounded memory); the digest then folds them in
 * {@code _id} order into the Merkle root and writes them to the digest's {@link LeafFile}.
 */
public final class PartitionSeal implements Closeable {

    private final SortedLeaves leaves;
    private Instant earliest = Instant.MAX;
    private Instant latest = Instant.MIN;
    private long count;

    public PartitionSeal(Path workDir, int runSize) {
        this.leaves = new SortedLeaves(workDir, runSize);
    }

    /** Adds the stored event {@code id} whose {@code _source} bytes are {@code source}. */
    public void add(String id, byte[] source) {
        add(id, CanonicalJson.parse(source));
    }

    /** Adds the stored event {@code id} whose parsed {@code _source} is {@code document}. */
    public void add(String id, JsonNode document) {
        Instant timestamp = timestamp(id, document);
        leaves.add(Leaf.of(id, document));
        earliest = timestamp.isBefore(earliest) ? timestamp : earliest;
        latest = timestamp.isAfter(latest) ? timestamp : latest;
        count++;
    }

    /** How many events were added. */
    public long count() {
        return count;
    }

    /** Writes the leaves to {@code leafFile} and returns the unsigned digest of them; fails when there are none. */
    public PartitionDigest digest(Path leafFile, String base, String partition, int version, String previousDigestHash,
            Instant created, String keyId) throws IOException {
        MerkleRoot root = new MerkleRoot();
        try (LeafFile.Writer writer = new LeafFile.Writer(leafFile)) {
            for (Iterator<Leaf> sorted = leaves.sorted(); sorted.hasNext(); ) {
                Leaf leaf = sorted.next();
                root.add(leaf);
                writer.write(leaf);
            }
        }
        if (root.count() == 0) {
            throw new IllegalStateException("partition " + partition + " holds no events: nothing to seal");
        }
        return new PartitionDigest(base, partition, version, root.count(), root.root(), earliest, latest,
                previousDigestHash, created, keyId, false, PartitionDigest.UNSIGNED);
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
