package io.logsearch.dashboards;

import static io.logsearch.dashboards.Json.arr;
import static io.logsearch.dashboards.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One column of a Lens form-based layer, in the shape Kibana 8.x writes (checked against the Lens columns of
 * elastic/integrations packages/teleport and packages/okta dashboards and Kibana's own eCommerce sample data).
 */
record Column(String id, ObjectNode json) {

    static final String RECORDS = "___records___";

    static Column dateHistogram(String id) {
        return new Column(id, obj(
                "dataType", "date", "isBucketed", true, "label", "@timestamp", "operationType", "date_histogram",
                "params", obj("dropPartials", false, "includeEmptyRows", true, "interval", "auto"),
                "scale", "interval", "sourceField", "@timestamp"));
    }

    /** Top values of a field, ordered by the count column {@code orderBy}. */
    static Column terms(String id, String field, String dataType, int size, String orderBy, boolean otherBucket) {
        return new Column(id, obj(
                "dataType", dataType, "isBucketed", true, "label", "Top " + size + " values of " + field, "operationType", "terms",
                "params", obj("exclude", arr(), "excludeIsRegex", false, "include", arr(), "includeIsRegex", false,
                        "missingBucket", false, "orderBy", obj("columnId", orderBy, "type", "column"), "orderDirection", "desc",
                        "otherBucket", otherBucket, "parentFormat", obj("id", "terms"), "size", size),
                "scale", "ordinal", "sourceField", field));
    }

    static Column count(String id, String label) {
        return new Column(id, obj(
                "customLabel", true, "dataType", "number", "isBucketed", false, "label", label, "operationType", "count",
                "params", obj("emptyAsNull", true), "scale", "ratio", "sourceField", RECORDS));
    }

    /** A count of only the documents matching a KQL filter, e.g. the failures among all events of a bucket. */
    static Column filteredCount(String id, String label, String kuery) {
        Column column = count(id, label);
        column.json.set("filter", obj("language", "kuery", "query", kuery));
        return column;
    }

    static Column uniqueCount(String id, String field, String label) {
        return new Column(id, obj(
                "customLabel", true, "dataType", "number", "isBucketed", false, "label", label, "operationType", "unique_count",
                "params", obj("emptyAsNull", true), "scale", "ratio", "sourceField", field));
    }
}
