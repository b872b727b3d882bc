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
import java.util.List;
import java.util.Map;

/**
 * JSON text of records and documents: compact as read, or canonical (keys sorted) for hashing.
 * Trees are written node by node to a streaming generator; the data-binding layer would cost more
 * than the writing itself, for every value.
 */
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

    /** Writes the tree to {@code generator}, keys in their order in the tree. */
    public static void write(JsonNode node, JsonGenerator generator) throws IOException {
        write(node, generator, false);
    }

    /** A generator for {@link #writeCanonical}: it writes value after value to {@code out}, nothing between them. */
    public static JsonGenerator canonicalGenerator(OutputStream out) {
        try {
            return FACTORY.createGenerator(out).setRootValueSeparator(null).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the record with every object's keys sorted, so equal records give equal bytes, and flushes them to the generator's stream. */
    public static void writeCanonical(JsonNode node, JsonGenerator generator) {
        try {
            write(node, generator, true);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed JSON record could not be written back as JSON", e);
        }
    }

    /** Exactly what the data-binding layer writes for each kind of node, keys sorted or not. */
    private static void write(JsonNode node, JsonGenerator generator, boolean sortKeys) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : sortKeys ? sortedFields(node) : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator, sortKeys);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator, sortKeys);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> writeNumber(node, generator);
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> COMPACT.writeTree(generator, node);
        }
    }

    private static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        fields.sort(Map.Entry.comparingByKey());
        return fields;
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
        }
    }
}
