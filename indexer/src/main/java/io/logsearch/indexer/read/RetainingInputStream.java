package io.logsearch.indexer.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Passes bytes through to a parser while keeping those from a moving mark onward (the start of the
 * record being parsed), so that when the parser fails the record's text can be reported and
 * parsing can resume right after the damage. Memory is bounded by the largest record (capped).
 */
final class RetainingInputStream extends InputStream {

    static final int MAX_RETAINED = 8 * 1024 * 1024;

    private final InputStream in;
    private byte[] retained = new byte[16 * 1024];
    private long retainedStart;
    private int retainedLength;

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
        int n = in.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    /** Forgets every byte before {@code offset} (an offset from the start of this stream). */
    void mark(long offset) {
        long drop = Math.min(offset, delivered()) - retainedStart;
        if (drop <= 0) {
            return;
        }
        System.arraycopy(retained, (int) drop, retained, 0, retainedLength - (int) drop);
        retainedLength -= (int) drop;
        retainedStart += drop;
    }

    /** The retained bytes from {@code from} (or the oldest retained byte) up to what was delivered. */
    byte[] retainedFrom(long from) {
        int start = (int) Math.max(0, Math.min(from - retainedStart, retainedLength));
        return Arrays.copyOfRange(retained, start, retainedLength);
    }

    /** The bytes from {@code offset} on: what was delivered but not consumed, then the rest of the input. */
    InputStream remainderFrom(long offset) {
        return new SequenceInputStream(new ByteArrayInputStream(retainedFrom(offset)), in);
    }

    private long delivered() {
        return retainedStart + retainedLength;
    }

    private void keep(byte[] b, int off, int n) {
        if (retainedLength + n > MAX_RETAINED) {
            mark(delivered() + n - MAX_RETAINED);
        }
        if (retainedLength + n > retained.length) {
            retained = Arrays.copyOf(retained, Math.min(MAX_RETAINED, Math.max(retained.length * 2, retainedLength + n)));
        }
        if (n > MAX_RETAINED) {
            System.arraycopy(b, off + n - MAX_RETAINED, retained, 0, MAX_RETAINED);
            retainedStart = delivered() + n - MAX_RETAINED;
            retainedLength = MAX_RETAINED;
            return;
        }
        System.arraycopy(b, off, retained, retainedLength, n);
        retainedLength += n;
    }
}
