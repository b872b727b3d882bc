package io.logsearch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed {@code dashboards/logsearch.ndjson}, read as Kibana reads an import file: one object per line. */
final class Exported {

    static final Path FILE = Path.of("logsearch.ndjson");
    static final ObjectMapper JSON = new ObjectMapper();

    private Exported() {
    }

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> objects() {
        return parse(text());
    }

    static List<JsonNode> parse(String ndjson) {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            try {
                objects.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return objects;
    }

    static Stream<JsonNode> ofType(List<JsonNode> objects, String type) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type));
    }

    /** A string-encoded attribute, decoded. */
    static JsonNode decoded(JsonNode encoded) {
        if (!encoded.isTextual()) {
            throw new AssertionError("a string-encoded attribute must be a JSON string, not " + encoded.getNodeType());
        }
        try {
            return JSON.readTree(encoded.asText());
        } catch (IOException e) {
            throw new AssertionError("string-encoded attribute is not JSON: " + encoded.asText(), e);
        }
    }
}
