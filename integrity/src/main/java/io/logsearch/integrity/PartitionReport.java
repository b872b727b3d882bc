package io.logsearch.integrity;

/**
 * What verification found in one partition against its latest digest version
 * ({@code sealedVersion} 0: the partition has no digest, so all its events are {@code inserted}).
 * {@code signatureValid} is false when the digest's signature is not the key's; {@code leavesMatch}
 * false when the digest's stored leaves do not give its signed root and count (the leaf file was
 * rewritten, so the ids named against it cannot be trusted). {@code retired}: the latest digest
 * records that {@code prune} deleted the partition.
 */
public record PartitionReport(
        String partition,
        int sealedVersion,
        boolean retired,
        boolean signatureValid,
        boolean leavesMatch,
        TamperedIds modified,
        TamperedIds deleted,
        TamperedIds inserted) {

    public boolean intact() {
        return signatureValid && leavesMatch && modified.count() == 0 && deleted.count() == 0 && inserted.count() == 0;
    }
}
