package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** JSON text of records: compact as read, or canonical (keys sorted) for hashing. */
public final class CanonicalJson {

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = COMPACT.getFactory();

    private CanonicalJson() {
    }

    /** The record as compact JSON text, keys in the order they were read. */
    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed JSON record could not be written back as JSON", e);
        }
    }

    /** Writes the record with every object's keys sorted, so equal records give equal bytes. */
    public static void writeCanonical(JsonNode node, OutputStream out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed JSON record could not be written back as JSON", e);
        }
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else {
            COMPACT.writeTree(generator, node);
        }
    }
}
