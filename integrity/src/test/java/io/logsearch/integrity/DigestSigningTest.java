package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestSigningTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final DigestSigner SIGNER = new DigestSigner(KEYS.getPrivate(), KEYS.getPublic());

    static PartitionDigest unsigned(String partition, int version, String previous) {
        return unsigned(SIGNER.keyId(), partition, version, previous);
    }

    static PartitionDigest unsigned(String keyId, String partition, int version, String previous) {
        return new PartitionDigest("logsearch-events", partition, version, 3, "ab".repeat(32),
                Instant.parse("2026-12-01T00:00:01Z"), Instant.parse("2026-12-01T23:59:59Z"), previous,
                Instant.parse("2026-12-03T10:00:00Z"), keyId, false, PartitionDigest.UNSIGNED);
    }

    @Test
    void aSignedDigestVerifiesWithItsKeyAndSurvivesItsFileForm() {
        PartitionDigest signed = SIGNER.sign(unsigned("logsearch-events-2026.12.01", 1, PartitionDigest.GENESIS));
        SignatureCheck check = new SignatureCheck(KEYS.getPublic());
        assertTrue(check.valid(signed));
        PartitionDigest read = DigestJson.parse(DigestJson.bytes(signed));
        assertEquals(signed, read);
        assertTrue(check.valid(read));
    }

    @Test
    void anyAlteredMemberBreaksTheSignature() {
        PartitionDigest signed = SIGNER.sign(unsigned("logsearch-events-2026.12.01", 1, PartitionDigest.GENESIS));
        SignatureCheck check = new SignatureCheck(KEYS.getPublic());
        String json = new String(DigestJson.bytes(signed), StandardCharsets.UTF_8);
        PartitionDigest recounted = DigestJson.parse(json.replace("\"documentCount\":3", "\"documentCount\":2")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(check.valid(recounted));
        assertFalse(check.valid(signed.signed("AAAA")));
        assertFalse(check.valid(signed.signed("not base64!")));
    }

    @Test
    void anotherKeyDoesNotVerify() {
        PartitionDigest signed = SIGNER.sign(unsigned("logsearch-events-2026.12.01", 1, PartitionDigest.GENESIS));
        KeyPair other = SigningKeys.generate();
        assertFalse(new SignatureCheck(other.getPublic()).valid(signed));
        DigestSigner impostor = new DigestSigner(other.getPrivate(), other.getPublic());
        PartitionDigest forged = impostor.sign(new PartitionDigest(signed.base(), signed.partition(), 1, 3,
                signed.merkleRoot(), signed.earliest(), signed.latest(), signed.previousDigestHash(), signed.created(),
                impostor.keyId(), false, PartitionDigest.UNSIGNED));
        assertFalse(new SignatureCheck(KEYS.getPublic()).valid(forged));
    }

    @Test
    void theSignerRefusesADigestNamingAnotherKey() {
        PartitionDigest digest = new PartitionDigest("b", "b-2026.12.01", 1, 1, "ab".repeat(32), Instant.EPOCH,
                Instant.EPOCH, PartitionDigest.GENESIS, Instant.EPOCH, "0123456789abcdef", false, PartitionDigest.UNSIGNED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(digest));
        assertEquals("the digest names key 0123456789abcdef, this key is " + SIGNER.keyId(), e.getMessage());
    }

    @Test
    void aDamagedDigestFileIsNamedClearly() {
        assertEquals("a digest lacks 'merkleRoot'", assertThrows(IllegalArgumentException.class,
                () -> DigestJson.parse("{\"base\":\"b\",\"partition\":\"p\",\"version\":1,\"documentCount\":1}"
                        .getBytes(StandardCharsets.UTF_8))).getMessage());
        String json = new String(DigestJson.bytes(SIGNER.sign(unsigned("p", 1, PartitionDigest.GENESIS))), StandardCharsets.UTF_8);
        assertEquals("a digest's 'created' is not an ISO-8601 instant: 'yesterday'", assertThrows(IllegalArgumentException.class,
                () -> DigestJson.parse(json.replace("2026-12-03T10:00:00Z", "yesterday").getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("a digest's 'version' is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> DigestJson.parse(json.replace("\"version\":1", "\"version\":\"1\"").getBytes(StandardCharsets.UTF_8))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DigestJson.parse("[]".getBytes(StandardCharsets.UTF_8)));
    }
}
