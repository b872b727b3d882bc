package io.logsearch.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The Merkle root of a sequence of leaves, computed as they stream by in {@code _id} order with
 * memory logarithmic in their number. The tree is RFC 6962's: a leaf hashes {@code 0x00}, the id's
 * UTF-8 length (4 bytes), the id and the source hash; an inner node {@code 0x01}, left and right;
 * with n leaves the left subtree holds the largest power of two below n. No leaves: SHA-256 of nothing.
 */
public final class MerkleRoot {

    private record Subtree(long size, byte[] hash) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();
    private String lastId = "";
    private long count;

    /** Adds the next leaf; its id must sort after the previous one's. */
    public void add(Leaf leaf) {
        if (count > 0 && Leaf.ID_ORDER.compare(lastId, leaf.id()) >= 0) {
            throw new IllegalArgumentException("leaves out of _id order: '" + leaf.id() + "' after '" + lastId + "'");
        }
        lastId = leaf.id();
        count++;
        Subtree subtree = new Subtree(1, leafHash(leaf));
        while (!stack.isEmpty() && stack.peek().size() == subtree.size()) {
            Subtree left = stack.pop();
            subtree = new Subtree(left.size() * 2, node(left.hash(), subtree.hash()));
        }
        stack.push(subtree);
    }

    public long count() {
        return count;
    }

    /** The root (hex) of the leaves added so far. */
    public String root() {
        if (stack.isEmpty()) {
            return HexFormat.of().formatHex(Sha256.of(new byte[0]));
        }
        byte[] hash = null;
        for (Subtree subtree : stack) {
            hash = hash == null ? subtree.hash() : node(subtree.hash(), hash);
        }
        return HexFormat.of().formatHex(hash);
    }

    private static byte[] leafHash(Leaf leaf) {
        byte[] id = leaf.id().getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 0);
        digest.update(ByteBuffer.allocate(4).putInt(id.length).array());
        digest.update(id);
        digest.update(HexFormat.of().parseHex(leaf.sourceSha256()));
        return digest.digest();
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
