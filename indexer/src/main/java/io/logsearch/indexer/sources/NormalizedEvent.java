package io.logsearch.indexer.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One ECS document ready to be written.
 *
 * @param id        the document {@code _id}: {@code event.id}, or for a vendor's own event ids that id
 *                  namespaced by source and organization
 * @param timestamp {@code @timestamp}, which picks the partition
 * @param document  the full ECS document, {@code event.original} included
 */
public record NormalizedEvent(String id, Instant timestamp, ObjectNode document) {
}
