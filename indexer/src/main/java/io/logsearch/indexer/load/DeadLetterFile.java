package io.logsearch.indexer.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The dead-letter NDJSON file: one line per rejected record ({@code source}, {@code file},
 * {@code position}, {@code reason}, {@code original}). Created on the first rejection only; each
 * line is flushed as it is written, so a load that is killed leaves only whole lines behind.
 */
public final class DeadLetterFile implements RejectionSink, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private BufferedWriter writer;
    private long count;

    public DeadLetterFile(Path path) {
        this.path = path;
    }

    /** {@code logsearch-rejected-<UTC time>.ndjson} in the working directory. */
    public static Path defaultPath(Instant now) {
        return Path.of("logsearch-rejected-" + STAMP.format(now) + ".ndjson");
    }

    public Path path() {
        return path;
    }

    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void reject(Rejection rejection) {
        ObjectNode line = JSON.createObjectNode()
                .put("source", rejection.source())
                .put("file", rejection.file())
                .put("position", rejection.position())
                .put("reason", rejection.reason())
                .put("original", rejection.original());
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
            writer.flush();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the dead-letter file " + path, e);
        }
    }
}
