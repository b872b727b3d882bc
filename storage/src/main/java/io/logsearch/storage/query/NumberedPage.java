package io.logsearch.storage.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of a page-numbered listing, with the exact number of matching events. */
public record NumberedPage(List<ObjectNode> events, long total) {
}
