package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final DigestSigner SIGNER = new DigestSigner(KEYS.getPrivate(), KEYS.getPublic());

    private static PartitionDigest digest(String partition, int version, PartitionDigest previous, int minute) {
        return SIGNER.sign(new PartitionDigest("b", partition, version, 1, "ab".repeat(32), Instant.EPOCH, Instant.EPOCH,
                previous == null ? PartitionDigest.GENESIS : DigestJson.hash(previous),
                Instant.parse("2026-12-03T10:00:00Z").plusSeconds(60L * minute), SIGNER.keyId(), false, PartitionDigest.UNSIGNED));
    }

    private static List<PartitionDigest> chain() {
        List<PartitionDigest> chain = new ArrayList<>();
        chain.add(digest("b-2026.12.01", 1, null, 0));
        chain.add(digest("b-2026.12.02", 1, chain.get(0), 1));
        chain.add(digest("b-2026.12.01", 2, chain.get(1), 2));
        chain.add(digest("b-2026.12.03", 1, chain.get(2), 3));
        return chain;
    }

    @Test
    void anUnbrokenChainHasNoProblems() {
        assertEquals(List.of(), ChainCheck.problems(chain()));
        assertEquals(List.of(), ChainCheck.problems(List.of()));
    }

    @Test
    void aDeletedDigestIsNamedByTheOneAfterIt() {
        List<PartitionDigest> chain = chain();
        String hash = DigestJson.hash(chain.get(1));
        chain.remove(1);
        assertEquals(List.of("chain broken: the digest before b-2026.12.01 version 2 (hash " + hash + ") is missing or altered"),
                ChainCheck.problems(chain));
    }

    @Test
    void anAlteredDigestBreaksTheLinkAfterIt() {
        List<PartitionDigest> chain = chain();
        PartitionDigest original = chain.get(2);
        chain.set(2, original.signed(original.signature().substring(1)));
        assertEquals(List.of("chain broken: the digest before b-2026.12.03 version 1 (hash " + DigestJson.hash(original)
                + ") is missing or altered"), ChainCheck.problems(chain));
    }

    @Test
    void aDeletedFirstDigestLeavesNoStart() {
        List<PartitionDigest> chain = chain();
        chain.remove(0);
        List<String> problems = ChainCheck.problems(chain);
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("chain broken: no digest starts the chain", problems.get(1));
        assertEquals("chain broken: digest version 1 of b-2026.12.01 is missing", problems.get(2));
    }

    @Test
    void aForkIsNamed() {
        List<PartitionDigest> chain = chain();
        chain.add(digest("b-2026.12.04", 1, chain.get(2), 4));
        assertEquals(List.of("chain forked: b-2026.12.03 version 1 and b-2026.12.04 version 1 both follow hash "
                + DigestJson.hash(chain.get(2))), ChainCheck.problems(chain));
    }
}
