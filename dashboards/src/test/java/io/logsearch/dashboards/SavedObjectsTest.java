package io.logsearch.dashboards;

import static io.logsearch.dashboards.Exported.decoded;
import static io.logsearch.dashboards.Exported.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The saved objects, checked without Kibana (it cannot run on the build machine). Their shape was compared with
 * real Kibana 8.x exports: elastic/integrations {@code packages/teleport/kibana/dashboard/teleport-6ed390ba-…json}
 * and {@code search/teleport-837113b5-…json} (Kibana 8.14: dashboard 10.2.0, search 10.3.0, Lens columns and
 * {@code <panelIndex>:panel_<panelIndex>} references), {@code packages/okta/kibana/dashboard/okta-749203a0-…json}
 * (the donut {@code lnsPie} layer, {@code formBased} layers), and Kibana's own eCommerce sample data
 * ({@code src/platform/plugins/shared/home/server/services/sample_data/data_sets/ecommerce/saved_objects.ts}: the
 * index-pattern attributes, {@code lnsXY}/{@code lnsMetric} states, {@code controlGroupInput} with
 * {@code controlGroup_<id>:optionsListDataView} references). Lens' 8.9.0 is its last 8.x migration
 * ({@code x-pack/platform/plugins/shared/lens/server/migrations/saved_object_migrations.ts}).
 */
class SavedObjectsTest {

    private final List<JsonNode> objects = Exported.objects();

    @Test
    void theCommittedFileIsTheGeneratedOutputByteForByte() {
        assertEquals(SavedObjects.ndjson(SavedObjects.DEFAULT_BASE), Exported.text(),
                "dashboards/logsearch.ndjson is generated: ./logsearch dashboards export > dashboards/logsearch.ndjson");
    }

    @Test
    void reSerialisingEveryLineGivesTheSameBytes() {
        for (String line : Exported.text().split("\n")) {
            assertEquals(line, Json.text(Exported.parse(line).get(0)));
        }
        assertTrue(Exported.text().endsWith("}\n"));
        assertFalse(Exported.text().contains("\r"));
    }

    @Test
    void everyObjectCarriesAVersionKibana819KnowsForItsType() {
        Map<String, String> versions = Map.of("index-pattern", "8.0.0", "search", "10.3.0", "lens", "8.9.0", "dashboard", "10.2.0");
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            String type = object.path("type").asText();
            assertEquals(versions.get(type), object.path("typeMigrationVersion").asText(), type);
            assertEquals("8.8.0", object.path("coreMigrationVersion").asText());
            assertFalse(object.path("managed").asBoolean(true));
            assertTrue(ids.add(type + ":" + object.path("id").asText()), "ids are unique");
            assertEquals(new TreeSet<>(List.of("attributes", "coreMigrationVersion", "id", "managed", "references", "type",
                    "typeMigrationVersion")), names(object));
        }
        assertEquals(2, ofType(objects, "index-pattern").count(), "the events' and the access log's");
        assertEquals(2, ofType(objects, "search").count(), "audit events and the access log");
        assertEquals(10, ofType(objects, "lens").count());
        assertEquals(3, ofType(objects, "dashboard").count());
    }

    @Test
    void attributesHaveTheKeysOfTheRealExports() {
        JsonNode dataView = ofType(objects, "index-pattern").findFirst().orElseThrow();
        assertEquals(Set.of("fieldAttrs", "fieldFormatMap", "fields", "name", "runtimeFieldMap", "sourceFilters", "timeFieldName",
                "title", "typeMeta"), names(dataView.get("attributes")), "eCommerce sample's data view, plus sourceFilters");
        JsonNode search = ofType(objects, "search").findFirst().orElseThrow();
        assertEquals(Set.of("columns", "description", "grid", "hideChart", "isTextBasedQuery", "kibanaSavedObjectMeta", "sort",
                "timeRestore", "title"), names(search.get("attributes")), "teleport's saved search: 8.19 refuses unknown keys");
        ofType(objects, "lens").forEach(lens -> assertEquals(Set.of("description", "state", "title", "visualizationType"),
                names(lens.get("attributes"))));
        Set<String> dashboardKeys = Set.of("controlGroupInput", "description", "kibanaSavedObjectMeta", "optionsJSON", "panelsJSON",
                "refreshInterval", "timeFrom", "timeRestore", "timeTo", "title", "version");
        // Each key is one Kibana's dashboard attribute schema (dashboard_saved_object/schema/v1/v1.ts, unknowns: 'forbid') knows.
        ofType(objects, "dashboard").forEach(d -> assertEquals(dashboardKeys, names(d.get("attributes")), "eCommerce sample dashboard"));
        ofType(objects, "dashboard").forEach(d -> assertEquals(Set.of("chainingSystem", "controlStyle", "ignoreParentSettingsJSON",
                "panelsJSON"), names(d.at("/attributes/controlGroupInput")), "controlGroupInput of the eCommerce sample"));
    }

    @Test
    void stringEncodedAttributesAreJsonStrings() {
        JsonNode dataView = ofType(objects, "index-pattern").findFirst().orElseThrow().get("attributes");
        assertTrue(decoded(dataView.get("fields")).isArray());
        assertTrue(decoded(dataView.get("fieldFormatMap")).isObject());
        assertEquals("event.original", decoded(dataView.get("sourceFilters")).at("/0/value").asText(), "hidden from Discover");
        assertEquals("@timestamp", dataView.get("timeFieldName").asText());
        JsonNode search = ofType(objects, "search").findFirst().orElseThrow().get("attributes");
        assertEquals("kibanaSavedObjectMeta.searchSourceJSON.index",
                decoded(search.at("/kibanaSavedObjectMeta/searchSourceJSON")).get("indexRefName").asText());
        assertEquals("[[\"@timestamp\",\"desc\"]]", search.get("sort").toString(), "newest first");
        ofType(objects, "lens").forEach(lens -> assertTrue(lens.at("/attributes/state").isObject(), "Lens state is an object"));
        ofType(objects, "dashboard").forEach(d -> {
            JsonNode a = d.get("attributes");
            assertTrue(decoded(a.get("panelsJSON")).isArray());
            assertTrue(decoded(a.get("optionsJSON")).isObject());
            assertTrue(decoded(a.at("/kibanaSavedObjectMeta/searchSourceJSON")).has("query"));
            assertTrue(decoded(a.at("/controlGroupInput/panelsJSON")).isObject());
            assertTrue(decoded(a.at("/controlGroupInput/ignoreParentSettingsJSON")).isObject());
        });
    }

    @Test
    void everyReferenceResolvesInsideTheFile() {
        Set<String> present = new HashSet<>();
        objects.forEach(o -> present.add(o.path("type").asText() + ":" + o.path("id").asText()));
        for (JsonNode object : objects) {
            Set<String> names = new HashSet<>();
            for (JsonNode ref : object.get("references")) {
                assertTrue(present.contains(ref.path("type").asText() + ":" + ref.path("id").asText()),
                        object.path("id").asText() + " refers to a missing " + ref);
                assertTrue(names.add(ref.path("name").asText()), "reference names are unique within an object");
            }
        }
    }

    @Test
    void everyLensLayerIsReferencedAndEveryAccessorNamesAColumnOfItsLayer() {
        ofType(objects, "lens").forEach(lens -> {
            JsonNode state = lens.at("/attributes/state");
            JsonNode layers = state.at("/datasourceStates/formBased/layers");
            Set<String> refNames = new HashSet<>();
            lens.get("references").forEach(r -> refNames.add(r.path("name").asText()));
            layers.fieldNames().forEachRemaining(layerId -> {
                assertTrue(refNames.contains("indexpattern-datasource-layer-" + layerId), "layer reference for " + layerId);
                JsonNode layer = layers.get(layerId);
                List<String> order = new ArrayList<>();
                layer.get("columnOrder").forEach(c -> order.add(c.asText()));
                assertEquals(names(layer.get("columns")), new TreeSet<>(order), "columnOrder lists every column");
                List<String> accessors = accessors(lens.at("/attributes/visualizationType").asText(), state.get("visualization"), layerId);
                assertFalse(accessors.isEmpty(), lens.path("id").asText());
                accessors.forEach(a -> assertTrue(layer.get("columns").has(a), lens.path("id").asText() + ": accessor " + a));
                layer.get("columns").forEach(column -> {
                    JsonNode orderBy = column.at("/params/orderBy/columnId");
                    if (!orderBy.isMissingNode()) {
                        assertTrue(layer.get("columns").has(orderBy.asText()), "terms ordered by a column of the layer");
                    }
                });
            });
        });
    }

    @Test
    void everyPanelHasItsReferenceAndPanelsDoNotOverlapWithin48Columns() {
        ofType(objects, "dashboard").forEach(dashboard -> {
            Map<String, JsonNode> refs = new HashMap<>();
            dashboard.get("references").forEach(r -> refs.put(r.path("name").asText(), r));
            boolean[][] grid = new boolean[48][200];
            for (JsonNode panel : decoded(dashboard.at("/attributes/panelsJSON"))) {
                String index = panel.path("panelIndex").asText();
                assertEquals("panel_" + index, panel.path("panelRefName").asText());
                JsonNode ref = refs.get(index + ":panel_" + index);
                assertTrue(ref != null, "reference " + index + ":panel_" + index);
                assertEquals(panel.path("type").asText(), ref.path("type").asText());
                JsonNode g = panel.get("gridData");
                assertEquals(index, g.path("i").asText());
                int x = g.path("x").asInt();
                int w = g.path("w").asInt();
                assertTrue(x >= 0 && w > 0 && x + w <= 48, index + " within 48 columns");
                for (int col = x; col < x + w; col++) {
                    for (int row = g.path("y").asInt(); row < g.path("y").asInt() + g.path("h").asInt(); row++) {
                        assertFalse(grid[col][row], dashboard.path("id").asText() + ": " + index + " overlaps another panel");
                        grid[col][row] = true;
                    }
                }
            }
            JsonNode controls = decoded(dashboard.at("/attributes/controlGroupInput/panelsJSON"));
            Set<String> fields = new TreeSet<>();
            controls.fieldNames().forEachRemaining(id -> {
                assertEquals("optionsListControl", controls.get(id).path("type").asText());
                assertTrue(refs.containsKey("controlGroup_" + id + ":optionsListDataView"), "control " + id + " has its data view");
                fields.add(controls.get(id).at("/explicitInput/fieldName").asText());
            });
            assertEquals(Set.of("event.provider", "organization.id"), fields);
        });
    }

    @Test
    void theDashboardsAreTheThreeOfTheIssueWithTheirScopes() {
        Map<String, String> queries = new HashMap<>();
        Map<String, Integer> panels = new HashMap<>();
        ofType(objects, "dashboard").forEach(d -> {
            queries.put(d.at("/attributes/title").asText(),
                    decoded(d.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON")).at("/query/query").asText());
            panels.put(d.at("/attributes/title").asText(), decoded(d.at("/attributes/panelsJSON")).size());
        });
        assertEquals(Map.of("logsearch — overview", "", "logsearch — authentication", "event.category : \"authentication\"",
                "logsearch — administrative changes", "event.category : (\"iam\" or \"configuration\")"), queries);
        assertEquals(9, panels.get("logsearch — overview"), "all eight visualisations of the overview and the saved search");
        JsonNode overview = ofType(objects, "dashboard").filter(d -> d.path("id").asText().equals("logsearch-overview")).findFirst()
                .orElseThrow();
        Set<String> types = new HashSet<>();
        overview.get("references").forEach(r -> types.add(r.path("type").asText()));
        assertEquals(Set.of("lens", "search", "index-pattern"), types);
    }

    @Test
    void anotherBaseRewritesTheDataViewIdAndPatternEverywhere() {
        String other = SavedObjects.ndjson("audit-eu");
        List<JsonNode> rewritten = Exported.parse(other);
        JsonNode dataView = ofType(rewritten, "index-pattern").findFirst().orElseThrow();
        assertEquals("audit-eu", dataView.path("id").asText());
        assertEquals("audit-eu-*,-audit-eu-access-*", dataView.at("/attributes/title").asText());
        rewritten.forEach(o -> o.get("references").forEach(r -> {
            if (r.path("type").asText().equals("index-pattern")) {
                assertTrue(Set.of("audit-eu", "audit-eu-access").contains(r.path("id").asText()), r.toString());
            }
        }));
        assertFalse(other.contains("\"logsearch-events\""), "nothing points at the default base");
        assertFalse(other.contains("logsearch-events-*"));
    }

    @Test
    void theAccessLogHasADataViewAndASavedSearchOfItsOwnThatTheEventsDataViewLeavesOut() {
        List<JsonNode> views = ofType(objects, "index-pattern").toList();
        assertEquals("logsearch-events-*,-logsearch-events-access-*", views.get(0).at("/attributes/title").asText(),
                "access partitions also match logsearch-events-*");
        assertEquals("logsearch-events-access", views.get(1).path("id").asText());
        assertEquals("logsearch-events-access-*", views.get(1).at("/attributes/title").asText());
        assertEquals("@timestamp", views.get(1).at("/attributes/timeFieldName").asText());
        JsonNode access = ofType(objects, "search").filter(s -> s.path("id").asText().equals(SavedObjects.ACCESS_SEARCH_ID))
                .findFirst().orElseThrow();
        assertEquals("Access log", access.at("/attributes/title").asText());
        assertEquals(SavedObjects.ACCESS_COLUMNS, Exported.JSON.convertValue(access.at("/attributes/columns"), List.class));
        assertEquals("logsearch-events-access", access.at("/references/0/id").asText());
        assertEquals("[[\"@timestamp\",\"desc\"]]", access.at("/attributes/sort").toString(), "newest first");
    }

    static List<String> accessors(String visualizationType, JsonNode visualization, String layerId) {
        List<String> out = new ArrayList<>();
        switch (visualizationType) {
            case "lnsXY" -> visualization.get("layers").forEach(layer -> {
                if (layer.path("layerId").asText().equals(layerId)) {
                    layer.get("accessors").forEach(a -> out.add(a.asText()));
                    out.add(layer.path("xAccessor").asText());
                    if (layer.has("splitAccessor")) {
                        out.add(layer.get("splitAccessor").asText());
                    }
                }
            });
            case "lnsPie" -> visualization.get("layers").forEach(layer -> {
                layer.get("metrics").forEach(a -> out.add(a.asText()));
                layer.get("primaryGroups").forEach(a -> out.add(a.asText()));
                layer.get("secondaryGroups").forEach(a -> out.add(a.asText()));
            });
            case "lnsDatatable" -> visualization.get("columns").forEach(c -> out.add(c.path("columnId").asText()));
            case "lnsMetric" -> out.add(visualization.path("metricAccessor").asText());
            default -> throw new AssertionError("unexpected visualization type " + visualizationType);
        }
        return out;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
