package io.logsearch.integrity;

import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seals an index base: a first digest for every partition without one, and a next version for a
 * partition that only gained events since its digest (appends are normal). A partition whose
 * events were changed or deleted is not sealed again, so a seal never hides tampering; it is
 * returned as refused. Sealing needs an unbroken chain, and continues it.
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
    private final DigestSigner signer;
    private final Verifier verifier;
    private final Clock clock;
    private final Path workDir;
    private final int runSize;

    public Sealer(EventStore store, DigestDirectory digests, DigestSigner signer, SignatureCheck check, Clock clock,
            Path workDir, int runSize) {
        this.store = store;
        this.digests = digests;
        this.signer = signer;
        this.verifier = new Verifier(store, digests, check, workDir, runSize);
        this.clock = clock;
        this.workDir = workDir;
        this.runSize = runSize;
    }

    public Result seal() throws IOException {
        List<PartitionDigest> all = new ArrayList<>(digests.digests(store.base()));
        List<String> problems = ChainCheck.problems(all);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the digest chain of " + store.base() + " is broken, so it cannot be continued: "
                    + String.join("; ", problems));
        }
        String previous = tip(all);
        List<PartitionDigest> sealed = new ArrayList<>();
        List<PartitionReport> refused = new ArrayList<>();
        for (String partition : new TreeSet<>(store.partitionAdmin().existing())) {
            Optional<PartitionDigest> latest = DigestDirectory.latest(all, partition);
            if (latest.isPresent()) {
                PartitionReport report = verifier.verify(partition, latest, true);
                if (report.intact()) {
                    continue;
                }
                if (!onlyAppended(report)) {
                    refused.add(report);
                    continue;
                }
            }
            int version = latest.map(d -> d.version() + 1).orElse(1);
            PartitionDigest digest = sealPartition(partition, version, previous);
            all.add(digest);
            sealed.add(digest);
            previous = DigestJson.hash(digest);
        }
        return new Result(sealed, refused);
    }

    private static boolean onlyAppended(PartitionReport report) {
        return report.signatureValid() && report.leavesMatch() && report.modified().count() == 0
                && report.deleted().count() == 0;
    }

    private PartitionDigest sealPartition(String partition, int version, String previous) throws IOException {
        Path pending = digests.pendingLeaves();
        try (PartitionSeal seal = new PartitionSeal(workDir, runSize)) {
            store.documents().forEach(partition, document -> seal.add(document.id(), document.source()));
            PartitionDigest digest = signer.sign(seal.digest(pending, store.base(), partition, version, previous,
                    clock.instant(), signer.keyId()));
            digests.store(digest, pending);
            return digest;
        } finally {
            Files.deleteIfExists(pending);
        }
    }

    /** The hash of the chain's last digest, the one no other follows; {@link PartitionDigest#GENESIS} for none. */
    private static String tip(List<PartitionDigest> all) {
        Set<String> followed = new HashSet<>();
        all.forEach(d -> followed.add(d.previousDigestHash()));
        return all.stream().map(DigestJson::hash).filter(hash -> !followed.contains(hash)).findFirst()
                .orElse(PartitionDigest.GENESIS);
    }
}
