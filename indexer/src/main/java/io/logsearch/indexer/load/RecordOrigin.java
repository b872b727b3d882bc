package io.logsearch.indexer.load;

import io.logsearch.indexer.read.Position;

/** Where an event's record came from: its source, its input, and its position there. */
public record RecordOrigin(String source, String file, Position position) {
}
