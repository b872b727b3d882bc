package io.logsearch.cli;

import io.logsearch.api.integrity.IntegrityCheck;
import io.logsearch.integrity.DigestDirectory;
import io.logsearch.integrity.DigestSigner;
import io.logsearch.integrity.Sealer;
import io.logsearch.integrity.SignatureCheck;
import io.logsearch.integrity.SigningKeys;
import io.logsearch.integrity.SortedLeaves;
import io.logsearch.integrity.Verifier;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Sealing as a step of another command ({@code load}, {@code serve}, {@code prune}): on when both
 * the key directory and the digest directory are given, as options or from the environment.
 */
final class SealOptions {

    @Option(names = "--seal-keys", paramLabel = "DIR", defaultValue = "${env:LOGSEARCH_SEAL_KEYS}",
            description = "Seal with the key pair in DIR ('keys generate'); needs --digest-dir (default: $LOGSEARCH_SEAL_KEYS).")
    Path keys;

    @Option(names = "--digest-dir", paramLabel = "DIR", defaultValue = "${env:LOGSEARCH_DIGEST_DIR}",
            description = "The directory of signed digest files, for sealing (default: $LOGSEARCH_DIGEST_DIR).")
    Path digestDir;

    /** Whether sealing is on; a usage error when only one of the two directories is given. */
    boolean enabled() {
        if (keys == null && digestDir == null) {
            return false;
        }
        if (keys == null || digestDir == null) {
            throw new UsageException("sealing needs both --seal-keys and --digest-dir (or $LOGSEARCH_SEAL_KEYS and $LOGSEARCH_DIGEST_DIR)");
        }
        return true;
    }

    /** The sealer of {@code store}, when sealing is on; it sorts in {@code workDir}. */
    Optional<Sealer> sealer(EventStore store, Path workDir) throws IOException {
        return enabled() ? Optional.of(sealer(store, digestDir, keys, workDir)) : Optional.empty();
    }

    /** What {@code GET /v1/integrity} verifies with, when sealing is on: each request sorts in a directory of its own. */
    Optional<IntegrityCheck> integrityCheck(EventStore store) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path publicKey = keys.resolve(SigningKeys.PUBLIC_KEY_FILE);
        DigestDirectory digests = new DigestDirectory(digestDir);
        return Optional.of((from, to) -> {
            Path work = workDir();
            try {
                return new Verifier(store, digests, new SignatureCheck(SigningKeys.readPublic(publicKey)), work,
                        SortedLeaves.DEFAULT_RUN_SIZE).verify(from, to);
            } finally {
                Files.deleteIfExists(work);
            }
        });
    }

    static Sealer sealer(EventStore store, Path digestDir, Path keys, Path workDir) throws IOException {
        PublicKey publicKey = SigningKeys.readPublic(keys.resolve(SigningKeys.PUBLIC_KEY_FILE));
        DigestSigner signer = new DigestSigner(SigningKeys.readPrivate(keys.resolve(SigningKeys.PRIVATE_KEY_FILE)), publicKey);
        return new Sealer(store, new DigestDirectory(digestDir), signer, new SignatureCheck(publicKey), Clock.systemUTC(),
                workDir, SortedLeaves.DEFAULT_RUN_SIZE);
    }

    /** A new directory for the sealer's sorting runs. */
    static Path workDir() throws IOException {
        return Files.createTempDirectory("logsearch-seal-");
    }
}
