package io.logsearch.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One stored document as the store holds it: its id and its source. */
public record StoredDocument(String id, ObjectNode source) {
}
