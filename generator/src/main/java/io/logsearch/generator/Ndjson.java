package io.logsearch.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;

/** Streaming JSON output with one root value per line. */
final class Ndjson {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private Ndjson() {
    }

    /** A generator on {@code out} that leaves it open when closed. */
    static JsonGenerator open(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    static void endLine(JsonGenerator json) throws IOException {
        json.writeRaw('\n');
    }
}
