package io.logsearch.api.compat.actionhub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts events that arrive newest first by millisecond (Elasticsearch's {@code date} precision) in
 * order by their full {@code @timestamp}, as ActionHub's microsecond timestamps need. Only the
 * events of one millisecond are held at a time.
 */
final class NewestFirst {

    /** Where the ordered events go. */
    @FunctionalInterface
    interface Sink {
        void write(ObjectNode event) throws IOException;
    }

    private static final Comparator<ObjectNode> NEWEST_FIRST = Comparator.comparing(NewestFirst::timestamp).reversed();

    private final Sink sink;
    private final List<ObjectNode> sameMillisecond = new ArrayList<>();
    private Instant millisecond = Instant.MIN;

    NewestFirst(Sink sink) {
        this.sink = sink;
    }

    void accept(ObjectNode event) throws IOException {
        Instant eventMillisecond = timestamp(event).truncatedTo(ChronoUnit.MILLIS);
        if (!eventMillisecond.equals(millisecond)) {
            flush();
            millisecond = eventMillisecond;
        }
        sameMillisecond.add(event);
    }

    /** Writes the events still held; call once after the last one. */
    void flush() throws IOException {
        sameMillisecond.sort(NEWEST_FIRST);
        for (ObjectNode event : sameMillisecond) {
            sink.write(event);
        }
        sameMillisecond.clear();
    }

    private static Instant timestamp(ObjectNode event) {
        return Instant.parse(event.path("@timestamp").asText());
    }
}
