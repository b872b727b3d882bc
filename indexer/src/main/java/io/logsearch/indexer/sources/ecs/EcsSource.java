package io.logsearch.indexer.sources.ecs;

import static io.logsearch.indexer.sources.RecordFields.text;

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
import io.logsearch.indexer.sources.Sources;
import java.util.List;
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
        String action = text(producerEvent, "action")
                .orElseThrow(() -> new RejectedRecordException("missing 'event.action'"));
        String provider = text(producerEvent, "provider").orElse(ID);
        String dataset = text(producerEvent, "dataset").orElse(DEFAULT_DATASET);
        Optional<String> outcome = text(producerEvent, "outcome");
        outcome.filter(value -> !OUTCOMES.contains(value)).ifPresent(value -> {
            throw new RejectedRecordException("'event.outcome' must be success, failure or unknown, not " + value);
        });
        EcsEventBuilder builder = EcsEventBuilder.from(provider, dataset, sourceRecord)
                .timestamp(Timestamps.parse(document, TIMESTAMP))
                .action(action);
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (!field.getKey().equals(TIMESTAMP) && !field.getKey().equals(EVENT)) {
                builder.set(field.getKey(), field.getValue());
            }
        }
        producerEvent.properties().forEach(field -> builder.set(EVENT + "." + field.getKey(), field.getValue()));
        // what was read by the record-field rule is written as read, over the producer's spelling
        builder.action(action).set("event.provider", provider).set("event.dataset", dataset);
        outcome.ifPresent(value -> builder.set("event.outcome", value));
        text(producerEvent, "id").ifPresentOrElse(id -> {
            if (hasVendorEventIds(provider)) {
                builder.vendorId(id, text(document.path("organization"), "id").orElse(""));
            } else {
                builder.id(id);
            }
        }, () -> builder.idFromContent(context));
        NormalizedEvent built = builder.build();
        keepProducers(producerEvent, (ObjectNode) built.document().get(EVENT));
        return built;
    }

    /**
     * The builder stamps these on every event; a producer's own values are the more accurate ones, and
     * are kept as the producer wrote them: an original text is not stripped.
     */
    private static void keepProducers(ObjectNode producerEvent, ObjectNode event) {
        for (String field : List.of("original", "ingested")) {
            text(producerEvent, field).ifPresent(stripped -> event.put(field, producerEvent.get(field).asText()));
        }
    }

    /** A document of a source with the vendor's own event ids, e.g. one of this product's Onehub exports. */
    private static boolean hasVendorEventIds(String provider) {
        return Sources.all().stream().anyMatch(source -> source.id().equals(provider) && source.hasVendorEventIds());
    }
}
