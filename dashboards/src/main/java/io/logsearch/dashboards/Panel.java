package io.logsearch.dashboards;

import static io.logsearch.dashboards.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A by-reference dashboard panel: a saved object of {@code type} placed on the 48-column grid. */
record Panel(String panelIndex, String type, String objectId, int x, int y, int w, int h) {

    static Panel lens(LensVisualisation lens, int x, int y, int w, int h) {
        return new Panel(lens.id().replaceFirst("^logsearch-", ""), "lens", lens.id(), x, y, w, h);
    }

    static Panel search(String searchId, int x, int y, int w, int h) {
        return new Panel("audit-events", "search", searchId, x, y, w, h);
    }

    /** The 8.x reference name: the panel's index, a colon, and the panelRefName. */
    String referenceName() {
        return panelIndex + ":" + panelRefName();
    }

    String panelRefName() {
        return "panel_" + panelIndex;
    }

    ObjectNode json() {
        return obj("embeddableConfig", obj("enhancements", obj()),
                "gridData", obj("h", h, "i", panelIndex, "w", w, "x", x, "y", y),
                "panelIndex", panelIndex, "panelRefName", panelRefName(), "type", type);
    }

    ObjectNode reference() {
        return obj("id", objectId, "name", referenceName(), "type", type);
    }
}
