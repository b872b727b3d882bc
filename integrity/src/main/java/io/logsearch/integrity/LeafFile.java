package io.logsearch.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The leaves of one digest, kept next to it so that verification can name deleted events: one
 * JSON line {@code {"id": …, "sha256": …}} per event, in {@code _id} order. Written and read
 * streaming.
 */
public final class LeafFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeafFile() {
    }

    /** Writes leaves to a new file, one by one. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;
        private final JsonGenerator generator;

        public Writer(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.generator = MAPPER.getFactory().createGenerator(out);
            generator.setRootValueSeparator(null);
        }

        public void write(Leaf leaf) {
            try {
                generator.writeStartObject();
                generator.writeStringField("id", leaf.id());
                generator.writeStringField("sha256", leaf.sourceSha256());
                generator.writeEndObject();
                generator.flush();
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            generator.close();
            out.close();
        }
    }

    /** Reads a leaf file back in its order; a damaged line fails with {@link IllegalArgumentException} naming it. */
    public static final class Reader implements Iterator<Leaf>, Closeable {
        private final Path file;
        private final BufferedReader in;
        private String next;
        private long line;

        public Reader(Path file) throws IOException {
            this.file = file;
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Leaf next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String text = next;
            long number = line;
            advance();
            try {
                JsonNode node = MAPPER.readTree(text);
                JsonNode id = node == null ? null : node.get("id");
                JsonNode sha = node == null ? null : node.get("sha256");
                if (id == null || !id.isTextual() || sha == null || !sha.isTextual()) {
                    throw new IllegalArgumentException("needs text members 'id' and 'sha256'");
                }
                return new Leaf(id.textValue(), sha.textValue());
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + " is not a leaf: " + e.getMessage(), e);
            }
        }

        private void advance() {
            try {
                next = in.readLine();
                line++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
