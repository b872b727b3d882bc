package io.logsearch.indexer.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * An export that can be read ahead of its reader without being consumed: what a look ahead takes
 * from the export is written to a temporary file and read from there afterwards. So looking past a
 * whole page of records (for context that follows them) costs disk, not memory, whatever the input
 * is (file, gzip, standard input). The file is created only when first needed and deleted on close;
 * it is rewritten from its start whenever the reader has caught up with it.
 */
final class SpoolingInputStream extends InputStream {

    /** Opens the empty file look-aheads are spooled to; closing the channel must remove the file. */
    @FunctionalInterface
    interface SpoolFile {
        FileChannel open() throws IOException;
    }

    /** A new file in the temporary directory, removed from it as soon as it is open. */
    static final SpoolFile TEMPORARY = () -> FileChannel.open(Files.createTempFile("logsearch-read-ahead-", ".json"),
            StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);

    private final InputStream in;
    private final SpoolFile spoolFile;
    private FileChannel spool;
    private long readPosition;
    private long writePosition;

    SpoolingInputStream(InputStream in, SpoolFile spoolFile) {
        this.in = in;
        this.spoolFile = spoolFile;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (readPosition == writePosition) {
            return in.read(b, off, len);
        }
        int n = spool.read(ByteBuffer.wrap(b, off, (int) Math.min(len, writePosition - readPosition)), readPosition);
        readPosition += n;
        if (readPosition == writePosition) {
            readPosition = 0;
            writePosition = 0;
        }
        return n;
    }

    /**
     * The bytes still to be read, from a cursor of its own: reading it consumes nothing, and the
     * bytes it takes from the export are kept for {@link #read}. Use it before reading on.
     */
    InputStream ahead() {
        return new InputStream() {
            private long cursor = readPosition;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (cursor < writePosition) {
                    int n = spool.read(ByteBuffer.wrap(b, off, (int) Math.min(len, writePosition - cursor)), cursor);
                    cursor += n;
                    return n;
                }
                int n = in.read(b, off, len);
                if (n > 0) {
                    append(b, off, n);
                    cursor += n;
                }
                return n;
            }
        };
    }

    private void append(byte[] b, int off, int n) throws IOException {
        if (spool == null) {
            spool = spoolFile.open();
        }
        ByteBuffer bytes = ByteBuffer.wrap(b, off, n);
        while (bytes.hasRemaining()) {
            writePosition += spool.write(bytes, writePosition);
        }
    }

    /** Deletes the spool file; the export itself belongs to the caller and stays open. */
    @Override
    public void close() throws IOException {
        if (spool != null) {
            spool.close();
        }
    }
}
