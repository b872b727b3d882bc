package io.logsearch.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Digests as files in one directory: {@code <partition>.v<version>.digest.json} (the canonical
 * JSON of the signed digest) and next to it {@code <partition>.v<version>.leaves.ndjson} (its
 * {@link LeafFile}). A digest file that cannot be read fails loading, naming it.
 */
public final class DigestDirectory {

    private static final String DIGEST_SUFFIX = ".digest.json";

    private final Path dir;

    public DigestDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** Every digest of {@code base} in the directory, in no particular order. */
    public List<PartitionDigest> digests(String base) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PartitionDigest> digests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(DIGEST_SUFFIX)).toList()) {
                PartitionDigest digest;
                try {
                    digest = DigestJson.parse(Files.readAllBytes(file));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
                if (digest.base().equals(base)) {
                    digests.add(digest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digest directory " + dir, e);
        }
        return digests;
    }

    /** The highest version among {@code digests} of {@code partition}. */
    public static Optional<PartitionDigest> latest(List<PartitionDigest> digests, String partition) {
        return digests.stream().filter(d -> d.partition().equals(partition))
                .max(Comparator.comparingInt(PartitionDigest::version));
    }

    public Path leavesOf(PartitionDigest digest) {
        return dir.resolve(stem(digest) + ".leaves.ndjson");
    }

    /** Where new leaves are written before their digest is stored with {@link #store}. */
    public Path pendingLeaves() throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "pending-", ".leaves");
    }

    /** Stores a signed digest and moves its leaves from {@code pendingLeaves} beside it; never replaces a digest. */
    public void store(PartitionDigest digest, Path pendingLeaves) throws IOException {
        Path file = dir.resolve(stem(digest) + DIGEST_SUFFIX);
        if (Files.exists(file)) {
            throw new IOException(file + " exists already: a digest is never replaced");
        }
        Files.move(pendingLeaves, leavesOf(digest), StandardCopyOption.ATOMIC_MOVE);
        Path temporary = Files.createTempFile(dir, "pending-", ".digest");
        Files.write(temporary, DigestJson.bytes(digest));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String stem(PartitionDigest digest) {
        return digest.partition() + ".v" + digest.version();
    }
}
