package io.logsearch.indexer.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Passes an export to the parser while keeping its bytes from a moving mark on (where reading
 * would start over after a syntax error), so that the reader can go back to the mark: to report the
 * damaged text and find where reading goes on. Offsets count from the start of the export. Memory
 * is bounded by the largest value read, capped at {@link #MAX_RETAINED}; past the cap the oldest
 * bytes are let go, mark or not, and at least the last half of the cap stays retained.
 */
final class RetainingInputStream extends InputStream {

    static final int MAX_RETAINED = 8 * 1024 * 1024;

    private final InputStream in;
    private byte[] window = new byte[64 * 1024];
    private long windowStart;
    private int windowLength;
    private long position;
    private long mark;

    RetainingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long windowEnd = windowStart + windowLength;
        if (position < windowEnd) {
            int n = (int) Math.min(len, windowEnd - position);
            System.arraycopy(window, (int) (position - windowStart), b, off, n);
            position += n;
            return n;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
            position += n;
        }
        return n;
    }

    /** Bytes before {@code offset} may be let go. */
    void mark(long offset) {
        mark = offset;
    }

    /** Whether reading can go back to {@code offset}. */
    boolean retains(long offset) {
        return offset >= windowStart && offset <= windowStart + windowLength;
    }

    /** The oldest offset reading can go back to. */
    long oldestRetained() {
        return windowStart;
    }

    /** Makes the next read start at {@code offset}, which must be {@linkplain #retains retained}. */
    void rewind(long offset) {
        if (!retains(offset)) {
            throw new IllegalStateException("offset " + offset + " is no longer retained");
        }
        position = offset;
    }

    /** The retained bytes from {@code offset} on, including any not delivered again since a rewind. */
    byte[] retainedFrom(long offset) {
        int start = (int) Math.max(0, Math.min(offset - windowStart, windowLength));
        return Arrays.copyOfRange(window, start, windowLength);
    }

    /** At most {@code max} of the retained bytes from {@code offset} on. */
    byte[] retainedFrom(long offset, int max) {
        int start = (int) Math.max(0, Math.min(offset - windowStart, windowLength));
        return Arrays.copyOfRange(window, start, Math.min(windowLength, start + max));
    }

    /** The bytes from {@code from} up to {@code to} as UTF-8 text, or empty when they are no longer all retained. */
    Optional<String> text(long from, long to) {
        return bytes(from, to).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The bytes from {@code from} up to {@code to}, or empty when they are no longer all retained. */
    Optional<byte[]> bytes(long from, long to) {
        if (from < windowStart || to > windowStart + windowLength || from >= to) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(window, (int) (from - windowStart), (int) (to - windowStart)));
    }

    private void keep(byte[] b, int off, int n) {
        if (windowLength + n > window.length) {
            letGoBefore(Math.min(mark, position));
        }
        if (windowLength + n > window.length) {
            window = Arrays.copyOf(window, Math.min(MAX_RETAINED, Math.max(window.length * 2, windowLength + n)));
        }
        if (windowLength + n > window.length) {
            // past the cap, half of it is let go at once, so that bytes are not moved for every read
            letGoBefore(windowStart + windowLength + n - window.length / 2);
        }
        int skip = Math.max(0, n - window.length);
        System.arraycopy(b, off + skip, window, windowLength, n - skip);
        windowLength += n - skip;
        windowStart += skip;
    }

    private void letGoBefore(long offset) {
        int drop = (int) Math.min(windowLength, Math.max(0, offset - windowStart));
        if (drop > 0) {
            System.arraycopy(window, drop, window, 0, windowLength - drop);
            windowLength -= drop;
            windowStart += drop;
        }
    }
}
