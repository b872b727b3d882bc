package io.logsearch.indexer.sources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of one vendor API response body, so that exports can be read as a stream.
 *
 * @param recordsPath    field names leading from the body's root to its array of records, e.g.
 *                       {@code ["auditEvents"]} or {@code ["data", "list"]}
 * @param itemWrapper    the field each array item wraps its record in (Onehub's {@code {"event": {…}}})
 * @param contextFields  fields a wrapper object may carry next to the records, mapped to their
 *                       {@link SourceContext} key, e.g. {@code user_id → userId}
 */
public record ExportLayout(List<String> recordsPath, Optional<String> itemWrapper, Map<String, String> contextFields) {

    public ExportLayout {
        if (recordsPath.isEmpty()) {
            throw new IllegalArgumentException("an export layout needs the path to its records");
        }
        recordsPath = List.copyOf(recordsPath);
        contextFields = Map.copyOf(contextFields);
    }

    public static ExportLayout recordsAt(String... path) {
        return new ExportLayout(List.of(path), Optional.empty(), Map.of());
    }

    public ExportLayout wrappedIn(String wrapper) {
        return new ExportLayout(recordsPath, Optional.of(wrapper), contextFields);
    }

    public ExportLayout withContext(Map<String, String> fields) {
        return new ExportLayout(recordsPath, itemWrapper, fields);
    }
}
