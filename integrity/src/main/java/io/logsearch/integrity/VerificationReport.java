package io.logsearch.integrity;

import java.util.List;

/**
 * The outcome of verifying an index base: each partition's report, every problem of the digest
 * chain, and every difference between the digest directory and the digests index.
 */
public record VerificationReport(List<PartitionReport> partitions, List<String> chainProblems, List<String> storeProblems) {

    public VerificationReport {
        partitions = List.copyOf(partitions);
        chainProblems = List.copyOf(chainProblems);
        storeProblems = List.copyOf(storeProblems);
    }

    public boolean intact() {
        return chainProblems.isEmpty() && storeProblems.isEmpty() && partitions.stream().allMatch(PartitionReport::intact);
    }
}
