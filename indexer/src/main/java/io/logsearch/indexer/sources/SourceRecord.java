package io.logsearch.indexer.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.CanonicalJson;
import java.util.Optional;

/**
 * One vendor record as read from an export.
 *
 * @param fields the record, untouched
 * @param text   its JSON text exactly as the export has it, from its opening to its closing brace;
 *               empty for records made in code, or too large for the reader to have kept their text
 */
public record SourceRecord(ObjectNode fields, Optional<String> text) {

    /** What {@code event.original} keeps: the text as read, else the fields written back as compact JSON. */
    public String originalText() {
        return text.orElseGet(() -> CanonicalJson.compact(fields));
    }
}
