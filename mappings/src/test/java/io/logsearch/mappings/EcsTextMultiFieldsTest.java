package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The template has ECS's {@code .text} multi-fields exactly where ECS has them, as plain {@code text}
 * (ECS declares {@code match_only_text}, which the local node's distribution lacks), and maps
 * {@code event.category}/{@code event.type} as keywords.
 */
class EcsTextMultiFieldsTest {

    /**
     * The fields of the namespaces this template uses that have a {@code text} multi-field in
     * {@code generated/ecs/ecs_flat.yml} of elastic/ecs branch 8.17 (version 8.17.0, commit
     * e3103a213a4e84cbcd3ef36da7001483ddc60230).
     */
    private static final Set<String> ECS_TEXT_MULTI_FIELDS = Set.of(
            "client.as.organization.name", "client.user.full_name", "client.user.name", "file.path",
            "file.target_path", "http.request.body.content", "http.response.body.content", "organization.name",
            "source.as.organization.name", "source.user.full_name", "source.user.name", "url.full", "url.original",
            "user.changes.full_name", "user.changes.name", "user.effective.full_name", "user.effective.name",
            "user.full_name", "user.name", "user.target.full_name", "user.target.name", "user_agent.original",
            "user_agent.os.full", "user_agent.os.name");

    @Test
    void textMultiFieldsAreThoseOfEcs() {
        Map<String, JsonNode> fields = new java.util.TreeMap<>();
        collect(IndexTemplate.mappings().get("properties"), "", fields);
        Set<String> expected = new TreeSet<>();
        Set<String> actual = new TreeSet<>();
        List<String> wrongType = new ArrayList<>();
        fields.forEach((name, mapping) -> {
            if (ECS_TEXT_MULTI_FIELDS.contains(name)) {
                expected.add(name);
            }
            JsonNode text = mapping.path("fields").path("text");
            if (!text.isMissingNode()) {
                actual.add(name);
                if (!text.path("type").asText().equals("text")) {
                    wrongType.add(name);
                }
            }
        });
        assertEquals(expected, actual);
        assertEquals(List.of(), wrongType);
        assertEquals(true, expected.containsAll(List.of("user.name", "user.full_name", "user_agent.os.name")), expected.toString());
    }

    @Test
    void categorizationFieldsAreKeywords() {
        JsonNode event = IndexTemplate.mappings().at("/properties/event/properties");
        assertEquals("keyword", event.at("/category/type").asText());
        assertEquals("keyword", event.at("/type/type").asText());
    }

    private static void collect(JsonNode properties, String path, Map<String, JsonNode> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode nested = field.getValue().get("properties");
            if (nested != null) {
                collect(nested, path + field.getKey() + ".", fields);
            } else {
                fields.put(path + field.getKey(), field.getValue());
            }
        }
    }
}
