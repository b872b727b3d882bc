package io.logsearch.integrity;

import java.util.Iterator;

/**
 * Compares a partition's events as stored now with the leaves its digest sealed: both streams in
 * {@code _id} order, merged in one pass, so memory does not grow with the events.
 */
public final class PartitionComparison {

    private PartitionComparison() {
    }

    /** The report of a partition sealed by {@code digest} whose sealed leaves are {@code sealed}. */
    public static PartitionReport compare(PartitionDigest digest, boolean signatureValid, Iterator<Leaf> sealed,
            Iterator<Leaf> current) {
        MerkleRoot sealedRoot = new MerkleRoot();
        MerkleRoot currentRoot = new MerkleRoot();
        TamperedIds.Collector modified = new TamperedIds.Collector();
        TamperedIds.Collector deleted = new TamperedIds.Collector();
        TamperedIds.Collector inserted = new TamperedIds.Collector();
        Leaf was = take(sealed, sealedRoot);
        Leaf is = take(current, currentRoot);
        while (was != null || is != null) {
            int order = was == null ? 1 : is == null ? -1 : Leaf.ID_ORDER.compare(was.id(), is.id());
            if (order < 0) {
                deleted.add(was.id());
                was = take(sealed, sealedRoot);
            } else if (order > 0) {
                inserted.add(is.id());
                is = take(current, currentRoot);
            } else {
                if (!was.sourceSha256().equals(is.sourceSha256())) {
                    modified.add(was.id());
                }
                was = take(sealed, sealedRoot);
                is = take(current, currentRoot);
            }
        }
        boolean leavesMatch = sealedRoot.count() == digest.documentCount()
                && sealedRoot.root().equals(digest.merkleRoot());
        return new PartitionReport(digest.partition(), digest.version(), digest.retired(), signatureValid, leavesMatch,
                modified.result(), deleted.result(), inserted.result());
    }

    /** The report of a partition no digest has sealed: every event in it is inserted. */
    public static PartitionReport unsealed(String partition, Iterator<Leaf> current) {
        MerkleRoot currentRoot = new MerkleRoot();
        TamperedIds.Collector inserted = new TamperedIds.Collector();
        for (Leaf leaf = take(current, currentRoot); leaf != null; leaf = take(current, currentRoot)) {
            inserted.add(leaf.id());
        }
        return new PartitionReport(partition, 0, false, true, true, TamperedIds.none(), TamperedIds.none(), inserted.result());
    }

    /** The next leaf, checked to be in order by folding it into {@code root}; null at the end. */
    private static Leaf take(Iterator<Leaf> leaves, MerkleRoot root) {
        if (!leaves.hasNext()) {
            return null;
        }
        Leaf leaf = leaves.next();
        root.add(leaf);
        return leaf;
    }
}
