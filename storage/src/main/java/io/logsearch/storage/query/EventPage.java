package io.logsearch.storage.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One page of matching events in the requested order.
 *
 * @param total        how many events match, exactly or as a lower bound
 * @param totalIsExact false when {@code total} is a lower bound
 * @param next         where the next page starts, when more events match
 */
public record EventPage(List<ObjectNode> events, long total, boolean totalIsExact, Optional<SearchAfter> next) {
}
