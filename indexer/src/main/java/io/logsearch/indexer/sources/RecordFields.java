package io.logsearch.indexer.sources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reading a text field of a vendor record, one rule for every source: a string counts stripped of
 * surrounding white space, an integer as its digits ({@code 1234} is {@code "1234"}, as vendors write
 * ids either way); a blank string, {@code null} or an absent field is no value; booleans, fractions,
 * objects and arrays are not text.
 */
public final class RecordFields {

    private RecordFields() {
    }

    /** The field's text by the rule above, or empty. */
    public static Optional<String> text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        if (value.isTextual()) {
            return Optional.of(value.textValue().strip()).filter(text -> !text.isEmpty());
        }
        return value.isIntegralNumber() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The field's text; a rejection naming the field when it is absent, blank or not text. */
    public static String requiredText(JsonNode record, String field) {
        JsonNode value = record.path(field);
        boolean missing = value.isMissingNode() || value.isNull() || value.isTextual();
        return text(record, field).orElseThrow(() -> new RejectedRecordException(
                missing ? "missing '" + field + "'" : "'" + field + "' is not text"));
    }
}
