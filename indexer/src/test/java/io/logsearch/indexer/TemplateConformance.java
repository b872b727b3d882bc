package io.logsearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.mappings.IndexTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Asserts that every field of a normalised document is declared in the index template. */
public final class TemplateConformance {

    private TemplateConformance() {
    }

    public static void assertEveryFieldIsMapped(JsonNode document) {
        List<String> undeclared = new ArrayList<>();
        walk(document, IndexTemplate.mappings().get("properties"), "", undeclared);
        assertEquals(List.of(), undeclared, "fields missing from the index template");
    }

    private static void walk(JsonNode value, JsonNode properties, String path, List<String> undeclared) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = path + field.getKey();
            JsonNode mapping = properties == null ? null : properties.get(field.getKey());
            if (mapping == null) {
                undeclared.add(name);
                continue;
            }
            JsonNode child = field.getValue();
            if (child.isArray()) {
                for (JsonNode element : child) {
                    visit(element, mapping, name, undeclared);
                }
            } else {
                visit(child, mapping, name, undeclared);
            }
        }
    }

    private static void visit(JsonNode value, JsonNode mapping, String name, List<String> undeclared) {
        boolean isObjectMapping = mapping.has("properties");
        if (value.isObject() && isObjectMapping) {
            walk(value, mapping.get("properties"), name + ".", undeclared);
        } else if (value.isObject() != isObjectMapping && !"geo_point".equals(mapping.path("type").asText())) {
            undeclared.add(name + " (object/leaf mismatch)");
        }
    }
}
