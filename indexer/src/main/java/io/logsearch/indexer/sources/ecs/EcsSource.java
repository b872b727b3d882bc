package io.logsearch.indexer.sources.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.EcsEventBuilder;
import io.logsearch.indexer.ecs.Timestamps;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Documents that other producers already wrote in ECS shape, and this product's own
 * {@code {"events":[…]}} search responses and exports. The document is kept as it is; only missing
 * core fields are filled, and {@code event.outcome} must be one of ECS's values. Fields the index
 * template does not know are left for Elasticsearch to refuse, so the dead-letter file carries its reason.
 */
public final class EcsSource implements Source {

    public static final String ID = "ecs";
    public static final String DEFAULT_DATASET = "ecs.events";

    private static final Set<String> OUTCOMES = Set.of("success", "failure", "unknown");
    private static final String TIMESTAMP = "@timestamp";
    private static final String EVENT = "event";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ExportLayout layout() {
        return ExportLayout.recordsAt("events");
    }

    @Override
    public NormalizedEvent normalize(SourceRecord sourceRecord, SourceContext context) {
        ObjectNode record = sourceRecord.fields();
        ObjectNode document = DottedKeys.expand(record);
        ObjectNode producerEvent = document.get(EVENT) instanceof ObjectNode event ? event : document.objectNode();
        String action = scalarText(producerEvent, "action")
                .orElseThrow(() -> new RejectedRecordException("missing 'event.action'"));
        String provider = scalarText(producerEvent, "provider").orElse(ID);
        scalarText(producerEvent, "outcome").filter(outcome -> !OUTCOMES.contains(outcome)).ifPresent(outcome -> {
            throw new RejectedRecordException("'event.outcome' must be success, failure or unknown, not " + outcome);
        });
        EcsEventBuilder builder = EcsEventBuilder.from(
                        provider,
                        scalarText(producerEvent, "dataset").orElse(DEFAULT_DATASET),
                        sourceRecord)
                .timestamp(Timestamps.parse(document, TIMESTAMP))
                .action(action);
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (!field.getKey().equals(TIMESTAMP) && !field.getKey().equals(EVENT)) {
                builder.set(field.getKey(), field.getValue());
            }
        }
        producerEvent.properties().forEach(field -> builder.set(EVENT + "." + field.getKey(), field.getValue()));
        scalarText(producerEvent, "id").ifPresentOrElse(builder::id, () -> builder.idFromContent(context));
        NormalizedEvent built = builder.build();
        keepProducers(producerEvent, (ObjectNode) built.document().get(EVENT));
        return built;
    }

    /** The builder stamps these on every event; a producer's own values are the more accurate ones. */
    private static void keepProducers(ObjectNode producerEvent, ObjectNode event) {
        scalarText(producerEvent, "original").ifPresent(original -> event.put("original", original));
        scalarText(producerEvent, "ingested").ifPresent(ingested -> event.put("ingested", ingested));
    }

    private static Optional<String> scalarText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() || value.isNumber()
                ? Optional.of(value.asText()).filter(s -> !s.isBlank())
                : Optional.empty();
    }
}
