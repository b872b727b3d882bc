package io.logsearch.integrity;

import io.logsearch.storage.SealRecords;
import io.logsearch.storage.SealRecords.SealRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Digests in the store beside the events ({@link SealRecords}), the second copy that the digest
 * directory is checked against: each record is the digest's canonical JSON, named
 * {@code <partition>.v<version>}, its leaves the lines of its {@link LeafFile} gzipped in chunks of
 * {@link #CHUNK_LINES}.
 */
public final class DigestIndex {

    static final int CHUNK_LINES = 20_000;

    private final SealRecords records;

    public DigestIndex(SealRecords records) {
        this.records = records;
    }

    public static String name(PartitionDigest digest) {
        return digest.partition() + ".v" + digest.version();
    }

    /** Every digest stored, by name; a record that is not a digest fails, naming it. */
    public Map<String, PartitionDigest> digests() {
        Map<String, PartitionDigest> digests = new LinkedHashMap<>();
        for (SealRecord record : records.all()) {
            try {
                digests.put(record.name(), DigestJson.parse(record.bytes()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("digest " + record.name() + " in the store: " + e.getMessage(), e);
            }
        }
        return digests;
    }

    /** Stores the signed digest with the leaves in {@code leafFile}. */
    public void store(PartitionDigest digest, Path leafFile) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(leafFile, StandardCharsets.UTF_8)) {
            records.add(new SealRecord(name(digest), DigestJson.bytes(digest)), chunks(lines));
        }
    }

    /** Writes the stored leaves of {@code digest} to {@code target}, as its leaf file; false when the store has none. */
    public boolean copyLeaves(PartitionDigest digest, Path target) throws IOException {
        boolean[] any = {false};
        try (OutputStream out = Files.newOutputStream(target)) {
            records.leaves(name(digest), chunk -> {
                any[0] = true;
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(chunk))) {
                    in.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException("the stored leaves of " + name(digest) + " are damaged", e);
                }
            });
        }
        return any[0];
    }

    private static Iterator<byte[]> chunks(BufferedReader lines) {
        return new Iterator<>() {
            private String line = read(lines);

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public byte[] next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream gzip = new GZIPOutputStream(bytes)) {
                    for (int n = 0; n < CHUNK_LINES && line != null; n++, line = read(lines)) {
                        gzip.write(line.getBytes(StandardCharsets.UTF_8));
                        gzip.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return bytes.toByteArray();
            }
        };
    }

    private static String read(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
