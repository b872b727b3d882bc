package io.logsearch.integrity;

import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seals an index base: a first digest for every partition without one, and a next version for a
 * partition that only gained events since its digest (appends are normal). A partition whose
 * events were changed or deleted is not sealed again, so a seal never hides tampering; it is
 * returned as refused. Sealing needs an unbroken chain and two equal copies of the digests (the
 * directory's and the store's), and continues the chain in both. Each partition is read once.
 */
public final class Sealer {

    /** What one seal did: the digests it wrote, and the partitions it refused with what was found in them. */
    public record Result(List<PartitionDigest> sealed, List<PartitionReport> refused) {
        public Result {
            sealed = List.copyOf(sealed);
            refused = List.copyOf(refused);
        }
    }

    private final EventStore store;
    private final DigestDirectory digests;
    private final DigestIndex index;
    private final DigestSigner signer;
    private final Verifier verifier;
    private final Clock clock;
    private final Path workDir;
    private final int runSize;

    public Sealer(EventStore store, DigestDirectory digests, DigestSigner signer, SignatureCheck check, Clock clock,
            Path workDir, int runSize) {
        this.store = store;
        this.digests = digests;
        this.index = new DigestIndex(store.seals());
        this.signer = signer;
        this.verifier = new Verifier(store, digests, check, workDir, runSize);
        this.clock = clock;
        this.workDir = workDir;
        this.runSize = runSize;
    }

    public Result seal() throws IOException {
        List<PartitionDigest> all = sealable();
        String previous = tip(all);
        List<PartitionDigest> sealed = new ArrayList<>();
        List<PartitionReport> refused = new ArrayList<>();
        for (String partition : new TreeSet<>(store.partitionAdmin().existing())) {
            Optional<PartitionDigest> latest = DigestDirectory.latest(all, partition);
            Path pending = digests.pendingLeaves();
            try (PartitionSeal seal = new PartitionSeal(workDir, runSize)) {
                store.documents().forEach(partition, document -> seal.add(document.id(), document.source()));
                if (seal.count() == 0 && latest.isEmpty()) {
                    continue;
                }
                Optional<PartitionDigest> next = seal.count() == 0 ? Optional.empty()
                        : Optional.of(seal.digest(pending, store.base(), partition, latest.map(d -> d.version() + 1).orElse(1),
                                previous, clock.instant(), signer.keyId()));
                if (latest.isPresent()) {
                    PartitionReport report = next.isEmpty() ? verifier.compare(latest.get(), Collections.emptyIterator())
                            : compareWith(latest.get(), pending);
                    if (report.intact()) {
                        continue;
                    }
                    if (!onlyAppended(report)) {
                        refused.add(report);
                        continue;
                    }
                }
                PartitionDigest digest = store(signer.sign(next.orElseThrow()), pending);
                all.add(digest);
                sealed.add(digest);
                previous = DigestJson.hash(digest);
            } finally {
                Files.deleteIfExists(pending);
            }
        }
        return new Result(sealed, refused);
    }

    /**
     * Records that {@code partition} is about to be deleted on purpose: a signed retirement chained
     * after the newest digest, so verification reports it retired rather than its events deleted.
     * Empty when the partition was never sealed or is retired already.
     */
    public Optional<PartitionDigest> retire(String partition) throws IOException {
        List<PartitionDigest> all = sealable();
        Optional<PartitionDigest> latest = DigestDirectory.latest(all, partition);
        if (latest.isEmpty() || latest.get().retired()) {
            return Optional.empty();
        }
        Path pending = digests.pendingLeaves();
        try {
            return Optional.of(store(signer.sign(latest.get().retirement(tip(all), clock.instant())), pending));
        } finally {
            Files.deleteIfExists(pending);
        }
    }

    private List<PartitionDigest> sealable() {
        List<PartitionDigest> all = new ArrayList<>(digests.digests(store.base()));
        List<String> problems = new ArrayList<>(ChainCheck.problems(all));
        problems.addAll(DigestStoresCheck.problems(all, index.digests()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the digests of " + store.base() + " are damaged, so their chain cannot be continued: "
                    + String.join("; ", problems));
        }
        return all;
    }

    private PartitionReport compareWith(PartitionDigest latest, Path leaves) throws IOException {
        try (LeafFile.Reader current = new LeafFile.Reader(leaves)) {
            return verifier.compare(latest, current);
        }
    }

    private static boolean onlyAppended(PartitionReport report) {
        return report.signatureValid() && report.leavesMatch() && report.modified().count() == 0
                && report.deleted().count() == 0;
    }

    /** Into the directory, then into the store: {@code pending} holds the digest's leaves. */
    private PartitionDigest store(PartitionDigest digest, Path pending) throws IOException {
        digests.store(digest, pending);
        index.store(digest, digests.leavesOf(digest));
        return digest;
    }

    /** The hash of the chain's last digest, the one no other follows; {@link PartitionDigest#GENESIS} for none. */
    private static String tip(List<PartitionDigest> all) {
        Set<String> followed = new HashSet<>();
        all.forEach(d -> followed.add(d.previousDigestHash()));
        return all.stream().map(DigestJson::hash).filter(hash -> !followed.contains(hash)).findFirst()
                .orElse(PartitionDigest.GENESIS);
    }
}
