package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleRootTest {

    static Leaf leaf(int i) {
        return Leaf.of(String.format("id-%05d", i), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6962's definition, recursive over the whole list. */
    private static byte[] reference(List<Leaf> leaves) {
        MessageDigest digest = Sha256.digest();
        if (leaves.size() == 1) {
            byte[] id = leaves.get(0).id().getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(4).putInt(id.length).array());
            digest.update(id);
            digest.update(HexFormat.of().parseHex(leaves.get(0).sourceSha256()));
            return digest.digest();
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        digest.update((byte) 1);
        digest.update(reference(leaves.subList(0, split)));
        digest.update(reference(leaves.subList(split, leaves.size())));
        return digest.digest();
    }

    @Test
    void streamingRootIsRfc6962sTreeForEverySize() {
        List<Leaf> leaves = new ArrayList<>();
        for (int n = 1; n <= 33; n++) {
            leaves.add(leaf(n));
            MerkleRoot root = new MerkleRoot();
            leaves.forEach(root::add);
            assertEquals(HexFormat.of().formatHex(reference(leaves)), root.root(), "n=" + n);
            assertEquals(n, root.count());
        }
    }

    @Test
    void noLeavesIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new MerkleRoot().root());
    }

    @Test
    void anyChangedLeafChangesTheRoot() {
        MerkleRoot original = new MerkleRoot();
        MerkleRoot changed = new MerkleRoot();
        for (int i = 0; i < 10; i++) {
            original.add(leaf(i));
            changed.add(i == 6 ? new Leaf(leaf(i).id(), leaf(99).sourceSha256()) : leaf(i));
        }
        assertNotEquals(original.root(), changed.root());
    }

    @Test
    void leavesOutOfIdOrderAreRefused() {
        MerkleRoot root = new MerkleRoot();
        root.add(leaf(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> root.add(leaf(1)));
        assertEquals("leaves out of _id order: 'id-00001' after 'id-00002'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> root.add(leaf(2)));
    }

    @Test
    void idOrderIsUtf8ByteOrderAsTheStoreSortsIds() {
        // U+FF5E sorts before U+1F600 in UTF-8 bytes, after it in UTF-16 code units
        MerkleRoot root = new MerkleRoot();
        root.add(new Leaf("\uFF5E", leaf(1).sourceSha256()));
        root.add(new Leaf("\uD83D\uDE00", leaf(2).sourceSha256()));
        assertEquals(2, root.count());
    }
}
