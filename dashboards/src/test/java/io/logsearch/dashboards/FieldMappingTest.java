package io.logsearch.dashboards;

import static io.logsearch.dashboards.Exported.decoded;
import static io.logsearch.dashboards.Exported.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.mappings.IndexTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every field the saved objects use is mapped in the index template of {@code mappings/}, with a type its
 * operation accepts: a field Kibana cannot aggregate would render as an error panel, which only Kibana shows.
 */
class FieldMappingTest {

    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:");
    private static final Map<String, Set<String>> ACCEPTS = Map.of(
            "terms", Set.of("keyword", "ip", "boolean"),
            "date_histogram", Set.of("date"),
            "unique_count", Set.of("keyword"),
            "optionsListControl", Set.of("keyword", "ip", "boolean"),
            "query", Set.of("keyword", "ip", "boolean", "date", "text", "long", "integer", "ip_range"),
            "column", Set.of("keyword", "ip", "date", "text", "long", "integer"),
            "timeField", Set.of("date"));

    private final Map<String, String> mapped = flatten(IndexTemplate.mappings().get("properties"), "", new HashMap<>());
    private final Map<String, String> accessMapped = flatten(Exported.JSON.readTree(AccessLogIndex.body("x", 0))
            .at("/template/mappings/properties"), "", new HashMap<>());

    FieldMappingTest() throws Exception {
    }

    /** One use of a field: where, which operation, which field. */
    record Use(String where, String operation, String field) {
    }

    @Test
    void everyFieldUsedIsMappedWithATypeItsOperationAccepts() {
        List<Use> uses = uses(Exported.objects());
        assertTrue(uses.size() > 30, "the walk found the uses: " + uses.size());
        assertEquals(List.of(), violations(uses));
        assertTrue(uses.contains(new Use("logsearch-top-client-ips", "terms", "client.ip")));
        assertTrue(uses.contains(new Use("logsearch-distinct-users", "unique_count", "user.id")));
        assertTrue(uses.contains(new Use("logsearch-events-over-time", "date_histogram", "@timestamp")));
        assertTrue(uses.contains(new Use("logsearch-overview", "optionsListControl", "organization.id")));
        assertTrue(uses.contains(new Use("logsearch-administrative-changes", "query", "event.category")));
        assertTrue(uses.contains(new Use("logsearch-top-client-ips", "query", "event.outcome")), "a column's filter");
        assertTrue(uses.contains(new Use("logsearch-audit-events", "column", "user.full_name")));
        assertTrue(uses.contains(new Use(SavedObjects.ACCESS_SEARCH_ID, "column", "http.response.status_code")),
                "the access log's columns are checked against its own template");
    }

    @Test
    void theCheckRefusesTermsOnTextADateHistogramOnAKeywordAndUnmappedFields() throws Exception {
        String line = Json.text(Visualisations.TOP_ACTIONS_BY_SOURCE.savedObject("x"))
                .replace("\"sourceField\":\"event.action\"", "\"sourceField\":\"message\"")
                .replace("\"sourceField\":\"event.provider\"", "\"sourceField\":\"user.nickname\"");
        assertEquals(List.of("Use[where=logsearch-top-actions-by-source, operation=terms, field=message]: terms does not accept a text field",
                        "Use[where=logsearch-top-actions-by-source, operation=terms, field=user.nickname]: not mapped in the index template"),
                violations(uses(Exported.parse(line))));
        assertEquals(List.of("Use[where=w, operation=date_histogram, field=event.action]: date_histogram does not accept a keyword field"),
                violations(List.of(new Use("w", "date_histogram", "event.action"))));
    }

    private List<String> violations(List<Use> uses) {
        List<String> out = new ArrayList<>();
        for (Use use : uses) {
            boolean accessLog = use.where().equals(SavedObjects.ACCESS_SEARCH_ID) || use.where().endsWith("-access");
            String type = (accessLog ? accessMapped : mapped).get(use.field());
            if (type == null) {
                out.add(use + ": not mapped in the index template");
            } else if (!ACCEPTS.get(use.operation()).contains(type)) {
                out.add(use + ": " + use.operation() + " does not accept a " + type + " field");
            }
        }
        return out;
    }

    static List<Use> uses(List<JsonNode> objects) {
        List<Use> uses = new ArrayList<>();
        ofType(objects, "index-pattern").forEach(d -> uses.add(new Use(d.path("id").asText(), "timeField",
                d.at("/attributes/timeFieldName").asText())));
        ofType(objects, "search").forEach(s -> {
            String id = s.path("id").asText();
            s.at("/attributes/columns").forEach(c -> uses.add(new Use(id, "column", c.asText())));
            s.at("/attributes/sort").forEach(sort -> uses.add(new Use(id, "timeField", sort.get(0).asText())));
            kql(id, decoded(s.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON")).at("/query/query").asText(), uses);
        });
        ofType(objects, "lens").forEach(lens -> {
            String id = lens.path("id").asText();
            JsonNode state = lens.at("/attributes/state");
            kql(id, state.at("/query/query").asText(), uses);
            state.at("/datasourceStates/formBased/layers").forEach(layer -> layer.get("columns").forEach(column -> {
                String field = column.path("sourceField").asText();
                if (!field.equals(Column.RECORDS)) {
                    uses.add(new Use(id, column.path("operationType").asText(), field));
                }
                kql(id, column.at("/filter/query").asText(), uses);
            }));
        });
        ofType(objects, "dashboard").forEach(d -> {
            String id = d.path("id").asText();
            kql(id, decoded(d.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON")).at("/query/query").asText(), uses);
            decoded(d.at("/attributes/controlGroupInput/panelsJSON")).forEach(control -> uses.add(new Use(id,
                    control.path("type").asText(), control.at("/explicitInput/fieldName").asText())));
        });
        return uses;
    }

    private static void kql(String where, String query, List<Use> uses) {
        Matcher m = KQL_FIELD.matcher(query);
        while (m.find()) {
            uses.add(new Use(where, "query", m.group(1)));
        }
    }

    private static Map<String, String> flatten(JsonNode properties, String prefix, Map<String, String> out) {
        properties.fields().forEachRemaining(e -> {
            JsonNode field = e.getValue();
            if (field.has("properties")) {
                flatten(field.get("properties"), prefix + e.getKey() + ".", out);
            } else {
                out.put(prefix + e.getKey(), field.path("type").asText());
            }
        });
        return out;
    }
}
