package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Documents as compact UTF-8 JSON, one after another, through one generator into one growing
 * buffer: a generator and its buffers made per document cost more than writing a small one.
 * Each document's bytes are copied out once, at their exact length. Not thread-safe: one per writer.
 */
public final class DocumentBytes {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator;

    public DocumentBytes() {
        try {
            generator = FACTORY.createGenerator(buffer).setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree as compact UTF-8 JSON, keys in their order in the tree. */
    public byte[] of(JsonNode document) {
        buffer.length = 0;
        try {
            CanonicalJson.write(document, generator);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written as JSON", e);
        }
        return Arrays.copyOf(buffer.bytes, buffer.length);
    }

    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[4096];
        private int length;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
