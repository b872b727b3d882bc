package io.logsearch.storage;

import java.time.Instant;

/**
 * One event as it is written: its deterministic id, the timestamp that picks its partition, and
 * the document's JSON bytes.
 */
public record EventDocument(String id, Instant timestamp, byte[] json) {
}
