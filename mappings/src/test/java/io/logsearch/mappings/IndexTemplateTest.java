package io.logsearch.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexTemplateTest {

    /** Field types the local node (integ-test distribution) understands. */
    private static final Set<String> CORE_TYPES = Set.of(
            "keyword", "text", "date", "ip", "ip_range", "long", "integer", "boolean", "geo_point", "flattened", "object");

    @Test
    void bodyTargetsTheBaseAndCarriesReplicas() throws Exception {
        JsonNode body = new ObjectMapper().readTree(IndexTemplate.body("audit", 2));
        assertEquals("audit-*", body.at("/index_patterns/0").asText());
        assertEquals(1, body.get("index_patterns").size());
        assertEquals(2, body.at("/template/settings/index/number_of_replicas").asInt());
        assertEquals("best_compression", body.at("/template/settings/index/codec").asText());
        assertEquals("@timestamp", body.at("/template/settings/index/sort.field/0").asText());
        assertEquals("desc", body.at("/template/settings/index/sort.order/0").asText());
        assertEquals("strict", body.at("/template/mappings/dynamic").asText());
    }

    @Test
    void aLongerBaseOutranksTheShorterBaseItStartsWith() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int shorter = json.readTree(IndexTemplate.body("audit", 0)).get("priority").asInt();
        int longer = json.readTree(IndexTemplate.body("audit-eu", 0)).get("priority").asInt();
        assertEquals(true, longer > shorter, longer + " > " + shorter);
    }

    @Test
    void onlyCoreFieldTypesAreUsed() {
        List<String> offending = new ArrayList<>();
        collectTypes(IndexTemplate.mappings().get("properties"), "", offending);
        assertEquals(List.of(), offending);
    }

    @Test
    void coreEcsFieldsAreMappedWithTheirTypes() {
        JsonNode props = IndexTemplate.mappings().get("properties");
        Map<String, String> expected = Map.of(
                "/@timestamp/type", "date",
                "/event/properties/id/type", "keyword",
                "/event/properties/outcome/type", "keyword",
                "/event/properties/original/index", "false",
                "/client/properties/ip/type", "ip",
                "/client/properties/ip_range/type", "ip_range",
                "/source/properties/geo/properties/location/type", "geo_point",
                "/message/type", "text");
        expected.forEach((pointer, value) -> assertEquals(value, props.at(pointer).asText(), pointer));
    }

    private static void collectTypes(JsonNode properties, String path, List<String> offending) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = path + field.getKey();
            JsonNode type = field.getValue().get("type");
            if (type != null && !CORE_TYPES.contains(type.asText())) {
                offending.add(name + ":" + type.asText());
            }
            JsonNode sub = field.getValue().get("fields");
            if (sub != null) {
                collectTypes(sub, name + ".", offending);
            }
            JsonNode nested = field.getValue().get("properties");
            if (nested != null) {
                collectTypes(nested, name + ".", offending);
            }
        }
    }
}
