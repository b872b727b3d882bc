package io.logsearch.integrity;

import java.util.List;

/** The outcome of verifying an index base: each partition's report and every problem of the digest chain. */
public record VerificationReport(List<PartitionReport> partitions, List<String> chainProblems) {

    public VerificationReport {
        partitions = List.copyOf(partitions);
        chainProblems = List.copyOf(chainProblems);
    }

    public boolean intact() {
        return chainProblems.isEmpty() && partitions.stream().allMatch(PartitionReport::intact);
    }
}
