package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestStoresCheckTest {

    private static final PartitionDigest ONE = DigestSigningTest.unsigned("b-2026.12.01", 1, PartitionDigest.GENESIS).signed("c2ln");
    private static final PartitionDigest TWO = DigestSigningTest.unsigned("b-2026.12.02", 1, DigestJson.hash(ONE)).signed("c2ln");

    @Test
    void equalCopiesHaveNoProblems() {
        assertEquals(List.of(), DigestStoresCheck.problems(List.of(ONE, TWO), Map.of("b-2026.12.01.v1", ONE, "b-2026.12.02.v1", TWO)));
    }

    @Test
    void aDigestMissingFromEitherOrDifferentIsNamed() {
        PartitionDigest altered = new PartitionDigest(TWO.base(), TWO.partition(), 1, 4, TWO.merkleRoot(), TWO.earliest(), TWO.latest(),
                TWO.previousDigestHash(), TWO.created(), TWO.keyId(), false, TWO.signature());
        assertEquals(List.of("digest b-2026.12.02.v1 differs between the digest directory and the digests index"),
                DigestStoresCheck.problems(List.of(ONE, TWO), Map.of("b-2026.12.01.v1", ONE, "b-2026.12.02.v1", altered)));
        assertEquals(List.of("digest b-2026.12.01.v1 is in the digest directory but missing from the digests index",
                        "digest b-2026.12.02.v1 is in the digests index but missing from the digest directory"),
                DigestStoresCheck.problems(List.of(ONE), Map.of("b-2026.12.02.v1", TWO)));
    }

    @Test
    void aRetirementIsSignedAndReadBackAndOnlyItCarriesTheMember() {
        PartitionDigest retirement = ONE.retirement(DigestJson.hash(ONE), Instant.parse("2026-12-04T00:00:00Z")).signed("c2ln");
        assertEquals(2, retirement.version());
        assertEquals(0, retirement.documentCount());
        assertEquals(retirement, DigestJson.parse(DigestJson.bytes(retirement)));
        assertEquals(true, new String(DigestJson.bytes(retirement), StandardCharsets.UTF_8).contains("\"retired\":true"));
        assertEquals(false, new String(DigestJson.bytes(ONE), StandardCharsets.UTF_8).contains("retired"));
        String bad = new String(DigestJson.bytes(ONE), StandardCharsets.UTF_8).replace("\"version\"", "\"retired\":false,\"version\"");
        assertEquals("a digest's 'retired' is true when present", assertThrows(IllegalArgumentException.class,
                () -> DigestJson.parse(bad.getBytes(StandardCharsets.UTF_8))).getMessage());
    }
}
