package io.logsearch.indexer.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One export to read: a file, or standard input ({@code -}). Gzip is recognised by its magic
 * bytes, not by the file name.
 */
public record ExportInput(String name, Opener opener, OptionalLong size) {

    /** Opens the raw bytes of an input. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    public static ExportInput file(Path path) throws IOException {
        return new ExportInput(path.toString(), () -> Files.newInputStream(path), OptionalLong.of(Files.size(path)));
    }

    public static ExportInput stdin() {
        return new ExportInput("-", () -> new FilterInputStream(System.in) {
            @Override
            public void close() {
                // standard input stays open for whoever reads it next
            }
        }, OptionalLong.empty());
    }

    public static ExportInput of(String name, Opener opener) {
        return new ExportInput(name, opener, OptionalLong.empty());
    }

    /**
     * Opens the input, decompressing gzip, and counts the raw bytes consumed into {@code rawBytes}
     * so that progress can be shown against {@link #size()}.
     */
    public InputStream open(AtomicLong rawBytes) throws IOException {
        InputStream counted = new FilterInputStream(opener.open()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    rawBytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    rawBytes.addAndGet(n);
                }
                return n;
            }
        };
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(buffered, BUFFER);
        }
        return buffered;
    }
}
