package io.logsearch.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the chain of one index base's digests: exactly one starts it ({@link PartitionDigest#GENESIS}),
 * every other names the hash of a digest that is there, no two name the same one, and each
 * partition's versions run 1, 2, … without a gap. Each problem is one sentence.
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    public static List<String> problems(List<PartitionDigest> digests) {
        List<String> problems = new ArrayList<>();
        Map<String, PartitionDigest> byHash = new HashMap<>();
        for (PartitionDigest digest : digests) {
            byHash.put(DigestJson.hash(digest), digest);
        }
        Map<String, PartitionDigest> successors = new HashMap<>();
        List<PartitionDigest> starts = new ArrayList<>();
        List<PartitionDigest> ordered = new ArrayList<>(digests);
        ordered.sort(Comparator.comparing(PartitionDigest::created).thenComparing(PartitionDigest::partition)
                .thenComparingInt(PartitionDigest::version));
        for (PartitionDigest digest : ordered) {
            String previous = digest.previousDigestHash();
            if (previous.equals(PartitionDigest.GENESIS)) {
                starts.add(digest);
            } else if (!byHash.containsKey(previous)) {
                problems.add("chain broken: the digest before " + name(digest) + " (hash " + previous + ") is missing or altered");
            }
            PartitionDigest other = successors.putIfAbsent(previous, digest);
            if (other != null) {
                problems.add("chain forked: " + name(other) + " and " + name(digest) + " both follow hash " + previous);
            }
        }
        if (!digests.isEmpty() && starts.isEmpty()) {
            problems.add("chain broken: no digest starts the chain");
        }
        Map<String, List<Integer>> versions = new TreeMap<>();
        for (PartitionDigest digest : ordered) {
            versions.computeIfAbsent(digest.partition(), p -> new ArrayList<>()).add(digest.version());
        }
        versions.forEach((partition, numbers) -> {
            numbers.sort(null);
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i + 1) {
                    problems.add("chain broken: digest version " + (i + 1) + " of " + partition + " is missing");
                    break;
                }
            }
        });
        return problems;
    }

    private static String name(PartitionDigest digest) {
        return digest.partition() + " version " + digest.version();
    }
}
