package io.logsearch.api.ingest;

import io.logsearch.api.ApiProblem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An ingest request's body as the export reader gets it: decoded by its {@code Content-Encoding}
 * (none or gzip), and bounded twice, as sent and decompressed, so that neither a huge body nor a
 * small one that inflates enormously can exhaust the server; and in time, so that a body that
 * trickles in cannot hold a request thread for long.
 */
final class IngestBody {

    /** How much larger than the body limit the decompressed body may grow. */
    static final int DECOMPRESSED_FACTOR = 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /**
     * Thrown when the body grows past a limit while it is read; unchecked so that it ends the load
     * instead of being recorded as an unreadable input.
     */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * Thrown when the body arrives too slowly (a slowloris client, or one that stalled): unchecked,
     * like {@link TooLarge}, so that it ends the load.
     */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * The slowest a body may arrive, on average since its first read, once {@link #SLOW_BODY_GRACE}
     * has passed. Jetty's idle timeout alone does not end a body that trickles in a byte every few
     * seconds: each byte starts it anew.
     */
    static final long MIN_BYTES_PER_SECOND = 1024;
    static final Duration SLOW_BODY_GRACE = Duration.ofSeconds(10);

    private IngestBody() {
    }

    /** Whether the body is gzip-compressed; 415 for an encoding other than none or gzip. */
    static boolean gzipped(String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> false;
            case "gzip", "x-gzip" -> true;
            default -> throw new ApiProblem(415, "Unsupported Media Type", "Content-Encoding '" + contentEncoding
                    + "' is not supported: send the body as it is, or gzip-compressed with Content-Encoding: gzip.",
                    List.of(new ApiProblem.FieldError("Content-Encoding", "must be gzip or absent")));
        };
    }

    /**
     * Opens the body: at most {@code maxBytes} as sent and {@link #DECOMPRESSED_FACTOR} times that
     * decompressed, else {@link TooLarge} while reading. A body that is not gzip despite its header,
     * or is gzip without it (or twice), is refused now, before anything is read into the index:
     * the export reader would otherwise inflate it without bound.
     */
    static InputStream open(InputStream body, boolean gzipped, long maxBytes) throws IOException {
        InputStream sent = new Limited(new Paced(body), maxBytes, "The request body is larger than " + size(maxBytes));
        InputStream decoded;
        boolean gzipInside;
        try {
            decoded = new BufferedInputStream(gzipped ? new GZIPInputStream(sent) : sent);
            decoded.mark(2);
            gzipInside = decoded.read() == GZIP_MAGIC_1 && decoded.read() == GZIP_MAGIC_2;
            decoded.reset();
        } catch (ZipException | EOFException e) {
            throw new ApiProblem(400, "Invalid request", "The body is not gzip-compressed, or is cut short, as its Content-Encoding: gzip says"
                    + " it is: " + e.getMessage() + ".", List.of(new ApiProblem.FieldError("Content-Encoding", "the body is not valid gzip")));
        }
        if (gzipInside) {
            throw new ApiProblem(415, "Unsupported Media Type", gzipped
                    ? "The body is gzip-compressed twice; compress it once."
                    : "The body is gzip-compressed: send it with Content-Encoding: gzip.",
                    List.of(new ApiProblem.FieldError("Content-Encoding", gzipped ? "compress the body once" : "must be gzip for a gzip body")));
        }
        long maxDecoded = Long.MAX_VALUE / DECOMPRESSED_FACTOR < maxBytes ? Long.MAX_VALUE : maxBytes * DECOMPRESSED_FACTOR;
        return gzipped ? new Limited(decoded, maxDecoded, "The request body decompresses to more than " + size(maxDecoded)) : decoded;
    }

    /** {@code bytes} in the largest binary unit that divides it: 64 MB, 1 GB, 64 KB. */
    static String size(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + units[i];
            }
        }
        return bytes + " bytes";
    }

    /** Stops a body whose average rate since its first read falls below {@link #MIN_BYTES_PER_SECOND} after the grace period. */
    private static final class Paced extends FilterInputStream {
        private final long start = System.nanoTime();
        private long count;

        Paced(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                arrived(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                arrived(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            arrived(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void arrived(long bytes) {
            count += bytes;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.compareTo(SLOW_BODY_GRACE) > 0 && count < MIN_BYTES_PER_SECOND * elapsed.toMillis() / 1000) {
                throw new TooSlow("The request body arrived at less than " + size(MIN_BYTES_PER_SECOND) + "/s (" + count
                        + " bytes in " + elapsed.toSeconds() + " s)");
            }
        }
    }

    /** Counts the bytes as they stream through and stops past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String exceeded;
        private long count;

        Limited(InputStream in, long limit, String exceeded) {
            super(in);
            this.limit = limit;
            this.exceeded = exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new TooLarge(exceeded);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > limit) {
                throw new TooLarge(exceeded);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if ((count += skipped) > limit) {
                throw new TooLarge(exceeded);
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
