package io.logsearch.storage.query;

import java.util.List;

/**
 * An exact-match condition on a field the common filters do not name (a vendor facade's own
 * filters, such as Onehub's file id): the field holds one of {@code values}, or with
 * {@code negated} none of them.
 */
public record FieldCondition(String field, List<String> values, boolean negated) {

    public FieldCondition {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition on " + field + " needs at least one value");
        }
    }

    public static FieldCondition anyOf(String field, List<String> values) {
        return new FieldCondition(field, values, false);
    }

    public static FieldCondition noneOf(String field, List<String> values) {
        return new FieldCondition(field, values, true);
    }
}
