package io.logsearch.generator;

import java.util.SplittableRandom;

/** Identifier formats the vendors use. */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** 24 hex digits, like a MongoDB ObjectId (Authing's user, app and user-pool ids). */
    static String objectId(SplittableRandom random) {
        return hex(random.nextLong(), 16) + hex(random.nextLong(), 8);
    }

    /** A random version-4 UUID. */
    static String uuid(SplittableRandom random) {
        String h = hex((random.nextLong() & ~0xf000L) | 0x4000L, 16);
        String l = hex((random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + l.substring(0, 4)
                + "-" + l.substring(4, 16);
    }

    /**
     * 32 hex digits that differ for every {@code sequence}: the first 16 are a bijective scrambling of
     * the sequence number, so they never repeat; the rest only makes the id look random.
     */
    static String requestId(long sequence, long salt) {
        long unique = scramble(sequence ^ salt);
        return hex(unique, 16) + hex(scramble(unique + salt), 16);
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values that looks random. */
    static long scramble(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static String hex(long value, int digits) {
        char[] out = new char[digits];
        long rest = value;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (rest & 0xf)];
            rest >>>= 4;
        }
        return new String(out);
    }
}
