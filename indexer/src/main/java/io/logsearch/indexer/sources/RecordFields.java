package io.logsearch.indexer.sources;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading scalar fields of vendor records, which may be missing, null, numbers or of the wrong kind. */
public final class RecordFields {

    private RecordFields() {
    }

    /** The field's text (numbers as written), or empty when it is absent, null or not a scalar. */
    public static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** The field's text; a rejection naming the field when it is missing, blank or not a scalar. */
    public static String requiredText(JsonNode record, String field) {
        if (record.path(field).isContainerNode()) {
            throw new RejectedRecordException("'" + field + "' is not text");
        }
        String value = text(record, field);
        if (value.isBlank()) {
            throw new RejectedRecordException("missing '" + field + "'");
        }
        return value;
    }
}
