package io.logsearch.dashboards;

import static io.logsearch.dashboards.Json.arr;
import static io.logsearch.dashboards.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A dashboard of by-reference panels, with a dashboard-wide KQL query and option-list controls. The attribute
 * shape follows the dashboard of elastic/integrations packages/teleport (exported by Kibana 8.14, model version
 * 10.2.0) and the controls the {@code controlGroupInput} of Kibana's own eCommerce sample dashboard; every
 * attribute is one Kibana's dashboard schema ({@code dashboard_saved_object/schema/v1/v1.ts}) allows.
 */
record Dashboard(String id, String title, String description, String kuery, List<Panel> panels) {

    static final String TYPE_MIGRATION_VERSION = "10.2.0";

    /** The controls every dashboard carries: id, field, label. */
    static final List<List<String>> CONTROLS = List.of(
            List.of("event-provider", "event.provider", "Source"),
            List.of("organization-id", "organization.id", "Organization"));

    ObjectNode savedObject(String dataViewId) {
        ArrayNode references = arr();
        panels.forEach(panel -> references.add(panel.reference()));
        ObjectNode controls = obj();
        for (int order = 0; order < CONTROLS.size(); order++) {
            List<String> control = CONTROLS.get(order);
            controls.set(control.get(0), obj("explicitInput", obj("enhancements", obj(), "fieldName", control.get(1),
                            "id", control.get(0), "title", control.get(2)),
                    "grow", true, "order", order, "type", "optionsListControl", "width", "medium"));
            references.add(obj("id", dataViewId, "name", "controlGroup_" + control.get(0) + ":optionsListDataView",
                    "type", "index-pattern"));
        }
        ObjectNode attributes = obj(
                "controlGroupInput", obj("chainingSystem", "HIERARCHICAL", "controlStyle", "oneLine",
                        "ignoreParentSettingsJSON", Json.text(obj("ignoreFilters", false, "ignoreQuery", false,
                                "ignoreTimerange", false, "ignoreValidations", false)),
                        "panelsJSON", Json.text(controls)),
                "description", description,
                "kibanaSavedObjectMeta", obj("searchSourceJSON",
                        Json.text(obj("filter", arr(), "query", obj("language", "kuery", "query", kuery)))),
                "optionsJSON", Json.text(obj("hidePanelTitles", false, "syncColors", false, "syncCursor", true,
                        "syncTooltips", false, "useMargins", true)),
                "panelsJSON", Json.text(arr(panels.stream().map(Panel::json).toList())),
                "refreshInterval", obj("pause", true, "value", 60000),
                "timeFrom", "now-7d",
                "timeRestore", true,
                "timeTo", "now",
                "title", title,
                "version", 1);
        return obj("attributes", attributes,
                "coreMigrationVersion", SavedObjects.CORE_MIGRATION_VERSION,
                "id", id,
                "managed", false,
                "references", references,
                "type", "dashboard",
                "typeMigrationVersion", TYPE_MIGRATION_VERSION);
    }
}
