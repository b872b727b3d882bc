package io.logsearch.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the two copies of the digests, the digest directory's and the store's
 * ({@link DigestIndex}): a digest missing from one or different in them means that one store was
 * rewritten. Each problem is one sentence.
 */
public final class DigestStoresCheck {

    private DigestStoresCheck() {
    }

    public static List<String> problems(List<PartitionDigest> directory, Map<String, PartitionDigest> index) {
        Map<String, PartitionDigest> files = new TreeMap<>();
        directory.forEach(digest -> files.put(DigestIndex.name(digest), digest));
        List<String> problems = new ArrayList<>();
        files.forEach((name, digest) -> {
            PartitionDigest stored = index.get(name);
            if (stored == null) {
                problems.add("digest " + name + " is in the digest directory but missing from the digests index");
            } else if (!Arrays.equals(DigestJson.bytes(digest), DigestJson.bytes(stored))) {
                problems.add("digest " + name + " differs between the digest directory and the digests index");
            }
        });
        new TreeMap<>(index).keySet().stream().filter(name -> !files.containsKey(name))
                .forEach(name -> problems.add("digest " + name + " is in the digests index but missing from the digest directory"));
        return problems;
    }
}
