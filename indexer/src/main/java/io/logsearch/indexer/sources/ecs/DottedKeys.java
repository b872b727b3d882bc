package io.logsearch.indexer.sources.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * ECS documents may spell a field as nested objects ({@code {"event":{"action":…}}}) or with a dotted
 * key ({@code {"event.action":…}}), as ecs-logging libraries do; Elasticsearch reads both the same way.
 */
final class DottedKeys {

    private DottedKeys() {
    }

    /** A deep copy of {@code document} with every dotted key turned into nested objects, merged with their siblings. */
    static ObjectNode expand(ObjectNode document) {
        ObjectNode expanded = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            JsonNode value = field.getValue() instanceof ObjectNode object ? expand(object) : field.getValue().deepCopy();
            put(expanded, field.getKey(), value);
        }
        return expanded;
    }

    private static void put(ObjectNode target, String key, JsonNode value) {
        String[] path = key.split("\\.", -1);
        for (String segment : path) {
            if (segment.isEmpty()) {
                merge(target, key, value);
                return;
            }
        }
        ObjectNode parent = target;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
        }
        merge(parent, path[path.length - 1], value);
    }

    private static void merge(ObjectNode parent, String name, JsonNode value) {
        if (parent.get(name) instanceof ObjectNode existing && value instanceof ObjectNode addition) {
            addition.properties().forEach(field -> merge(existing, field.getKey(), field.getValue()));
        } else {
            parent.set(name, value);
        }
    }
}
