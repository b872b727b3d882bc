package io.logsearch.api.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of matching events, newest first.
 *
 * @param total         how many events match, exactly or as a lower bound
 * @param totalIsExact  false when {@code total} is a lower bound
 */
public record EventPage(List<ObjectNode> events, long total, boolean totalIsExact) {
}
