package io.logsearch.integrity;

import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Verifies an index base against its digests: the chain, the two copies of the digests (the
 * directory's and the store's), each latest digest's signature, and each partition's stored events
 * against the leaves that digest sealed, reading the events once in the store's order and sorting
 * their leaves on disk. Leaves missing from the directory are read from the store's copy.
 */
public final class Verifier {

    private final EventStore store;
    private final DigestDirectory digests;
    private final DigestIndex index;
    private final SignatureCheck signatures;
    private final Path workDir;
    private final int runSize;

    public Verifier(EventStore store, DigestDirectory digests, SignatureCheck signatures, Path workDir, int runSize) {
        this.store = store;
        this.digests = digests;
        this.index = new DigestIndex(store.seals());
        this.signatures = signatures;
        this.workDir = workDir;
        this.runSize = runSize;
    }

    /** Every partition, sealed or stored. */
    public VerificationReport verify() throws IOException {
        return verify(Partitioning.EARLIEST, Partitioning.LATEST);
    }

    /** The partitions that overlap {@code [from, to]}; the chain and the digests' copies are checked whole. */
    public VerificationReport verify(Instant from, Instant to) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        List<PartitionDigest> all = digests.digests(store.base());
        Map<String, PartitionDigest> indexed = index.digests();
        List<String> existing = store.partitionAdmin().existing();
        TreeSet<String> partitions = new TreeSet<>(existing);
        all.forEach(d -> partitions.add(d.partition()));
        List<PartitionReport> reports = new ArrayList<>();
        for (String partition : partitions) {
            if (overlaps(partition, from, to)) {
                reports.add(verify(partition, DigestDirectory.latest(all, partition), existing.contains(partition)));
            }
        }
        return new VerificationReport(reports, ChainCheck.problems(all), DigestStoresCheck.problems(all, indexed));
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
            return compare(digest.get(), current.sorted());
        }
    }

    /** The partition's {@code current} leaves, in {@code _id} order, against those {@code digest} sealed. */
    PartitionReport compare(PartitionDigest digest, Iterator<Leaf> current) throws IOException {
        boolean signatureValid = signatures.valid(digest);
        Path leaves = digests.leavesOf(digest);
        if (Files.exists(leaves)) {
            try (LeafFile.Reader sealed = new LeafFile.Reader(leaves)) {
                return PartitionComparison.compare(digest, signatureValid, sealed, current);
            }
        }
        Path copy = Files.createTempFile(workDir, "stored-", ".leaves");
        try {
            if (!index.copyLeaves(digest, copy)) {
                return PartitionComparison.compare(digest, signatureValid, Collections.emptyIterator(), current);
            }
            try (LeafFile.Reader sealed = new LeafFile.Reader(copy)) {
                return PartitionComparison.compare(digest, signatureValid, sealed, current);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Whether the partition {@code name}'s day or month meets {@code [from, to]}; a name without a date always does. */
    private boolean overlaps(String name, Instant from, Instant to) {
        Optional<Instant> end = store.partitions().endOf(name);
        if (end.isEmpty()) {
            return true;
        }
        ZonedDateTime endUtc = end.get().atZone(ZoneOffset.UTC);
        boolean daily = name.length() - store.base().length() - 1 == 10;
        Instant start = (daily ? endUtc.minusDays(1) : endUtc.minusMonths(1)).toInstant();
        return !start.isAfter(to) && end.get().isAfter(from);
    }
}
