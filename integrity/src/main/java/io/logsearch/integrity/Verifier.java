package io.logsearch.integrity;

import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Verifies an index base against its digests: the chain, each latest digest's signature, and each
 * partition's stored events against the leaves that digest sealed, reading the events once in the
 * store's order and sorting their leaves on disk.
 */
public final class Verifier {

    private final EventStore store;
    private final DigestDirectory digests;
    private final SignatureCheck signatures;
    private final Path workDir;
    private final int runSize;

    public Verifier(EventStore store, DigestDirectory digests, SignatureCheck signatures, Path workDir, int runSize) {
        this.store = store;
        this.digests = digests;
        this.signatures = signatures;
        this.workDir = workDir;
        this.runSize = runSize;
    }

    public VerificationReport verify() throws IOException {
        List<PartitionDigest> all = digests.digests(store.base());
        List<String> existing = store.partitionAdmin().existing();
        TreeSet<String> partitions = new TreeSet<>(existing);
        all.forEach(d -> partitions.add(d.partition()));
        List<PartitionReport> reports = new ArrayList<>();
        for (String partition : partitions) {
            reports.add(verify(partition, DigestDirectory.latest(all, partition), existing.contains(partition)));
        }
        return new VerificationReport(reports, ChainCheck.problems(all));
    }

    /** One partition, against its latest digest when it has one. */
    PartitionReport verify(String partition, Optional<PartitionDigest> digest, boolean stored) throws IOException {
        try (SortedLeaves current = new SortedLeaves(workDir, runSize)) {
            if (stored) {
                store.documents().forEach(partition, document -> current.add(Leaf.of(document.id(), document.source())));
            }
            if (digest.isEmpty()) {
                return PartitionComparison.unsealed(partition, current.sorted());
            }
            Path leaves = digests.leavesOf(digest.get());
            boolean signatureValid = signatures.valid(digest.get());
            if (!Files.exists(leaves)) {
                return PartitionComparison.compare(digest.get(), signatureValid, Collections.emptyIterator(), current.sorted());
            }
            try (LeafFile.Reader sealed = new LeafFile.Reader(leaves)) {
                return PartitionComparison.compare(digest.get(), signatureValid, sealed, current.sorted());
            }
        }
    }
}
