package io.logsearch.dashboards;

import static io.logsearch.dashboards.Json.arr;
import static io.logsearch.dashboards.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Lens visualisation saved object with one form-based layer on the data view. Kibana migrates an imported
 * object from its {@code typeMigrationVersion} up: 8.9.0 is the last of Lens' migrations in 8.x
 * ({@code x-pack/platform/plugins/shared/lens/server/migrations/saved_object_migrations.ts}), so the
 * {@code formBased} datasource (introduced by the 8.6.0 migration) is taken as it is.
 */
record LensVisualisation(String id, String title, String description, String visualizationType, String layerId,
                         List<Column> columns, ObjectNode visualization, String kuery) {

    static final String TYPE_MIGRATION_VERSION = "8.9.0";

    ObjectNode savedObject(String dataViewId) {
        ObjectNode columnsById = obj();
        columns.forEach(column -> columnsById.set(column.id(), column.json()));
        ObjectNode layer = obj("columnOrder", arr(columns.stream().map(Column::id).toList()), "columns", columnsById,
                "incompleteColumns", obj(), "sampling", 1);
        ObjectNode state = obj(
                "adHocDataViews", obj(),
                "datasourceStates", obj("formBased", obj("layers", obj(layerId, layer)), "textBased", obj("layers", obj())),
                "filters", arr(),
                "internalReferences", arr(),
                "query", obj("language", "kuery", "query", kuery),
                "visualization", visualization);
        return obj(
                "attributes", obj("description", description, "state", state, "title", title,
                        "visualizationType", visualizationType),
                "coreMigrationVersion", SavedObjects.CORE_MIGRATION_VERSION,
                "id", id,
                "managed", false,
                "references", arr(obj("id", dataViewId, "name", "indexpattern-datasource-layer-" + layerId,
                        "type", "index-pattern")),
                "type", "lens",
                "typeMigrationVersion", TYPE_MIGRATION_VERSION);
    }

    /** Stacked bars over time: {@code x} the date histogram, {@code split} the breakdown, {@code y} the metric. */
    static ObjectNode stackedBars(String layerId, String seriesType, String x, String split, String y) {
        ObjectNode layer = obj("accessors", arr(y), "layerId", layerId, "layerType", "data", "seriesType", seriesType,
                "xAccessor", x);
        if (!split.isEmpty()) {
            layer.put("splitAccessor", split);
        }
        return obj("axisTitlesVisibilitySettings", obj("x", false, "yLeft", false, "yRight", true),
                "fittingFunction", "None",
                "gridlinesVisibilitySettings", obj("x", true, "yLeft", true, "yRight", true),
                "layers", arr(layer),
                "legend", obj("isVisible", true, "position", "right"),
                "preferredSeriesType", seriesType,
                "tickLabelsVisibilitySettings", obj("x", true, "yLeft", true, "yRight", true),
                "valueLabels", "hide");
    }

    static ObjectNode donut(String layerId, String group, String metric) {
        return obj("layers", arr(obj("categoryDisplay", "default", "layerId", layerId, "layerType", "data",
                        "legendDisplay", "default", "metrics", arr(metric), "nestedLegend", false, "numberDisplay", "percent",
                        "primaryGroups", arr(group), "secondaryGroups", arr())),
                "shape", "donut");
    }

    static ObjectNode table(String layerId, List<Column> columns) {
        return obj("columns", arr(columns.stream().map(c -> obj("columnId", c.id())).toList()),
                "layerId", layerId, "layerType", "data");
    }

    static ObjectNode metric(String layerId, String metric) {
        return obj("layerId", layerId, "layerType", "data", "metricAccessor", metric);
    }
}
