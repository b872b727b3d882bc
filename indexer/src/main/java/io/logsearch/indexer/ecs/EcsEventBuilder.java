package io.logsearch.indexer.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.mappings.Partitioning;
import java.time.Instant;
import java.util.Collection;

/**
 * Builds one ECS document. Field paths are dotted ({@code client.ip}) and become nested objects;
 * null or blank values are left out, so a normaliser can set every field it might have without
 * checking each one. {@link #build()} refuses a document without its core fields.
 */
public final class EcsEventBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Field paths are a small fixed set of constants: split each once. */
    private static final Memo<String, String[]> PATHS = new Memo<>(path -> path.split("\\."), 1_000);

    private final String provider;
    private final SourceRecord record;
    private final ObjectNode document = NODES.objectNode();
    private Instant timestamp;
    private String id;

    private EcsEventBuilder(String provider, String dataset, SourceRecord record) {
        this.provider = provider;
        this.record = record;
        set("event.kind", "event");
        set("event.provider", provider);
        set("event.dataset", dataset);
    }

    /** Starts an event of {@code provider} (the source id) and {@code dataset} from one source record. */
    public static EcsEventBuilder from(String provider, String dataset, SourceRecord record) {
        return new EcsEventBuilder(provider, dataset, record);
    }

    /** As {@link #from(String, String, SourceRecord)}, for a record without its text. */
    public static EcsEventBuilder from(String provider, String dataset, ObjectNode record) {
        return from(provider, dataset, SourceRecord.of(record));
    }

    public EcsEventBuilder timestamp(Instant value) {
        this.timestamp = value;
        return this;
    }

    public EcsEventBuilder action(String value) {
        return set("event.action", value);
    }

    public EcsEventBuilder outcome(Outcome value) {
        return set("event.outcome", value.ecsValue());
    }

    public EcsEventBuilder category(String... values) {
        return addAll("event.category", java.util.List.of(values));
    }

    public EcsEventBuilder type(String... values) {
        return addAll("event.type", java.util.List.of(values));
    }

    public EcsEventBuilder message(String value) {
        return set("message", value);
    }

    /** The source's own event id. */
    public EcsEventBuilder id(String value) {
        this.id = value;
        return this;
    }

    /** An id derived from the source, the context and the record's content, for sources without ids. */
    public EcsEventBuilder idFromContent(SourceContext context) {
        this.id = EventIds.contentId(provider, context, record.fields());
        return this;
    }

    public EcsEventBuilder set(String path, String value) {
        if (value != null && !value.isBlank()) {
            parentOf(path).put(leaf(path), value);
        }
        return this;
    }

    public EcsEventBuilder set(String path, long value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    public EcsEventBuilder set(String path, double value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    public EcsEventBuilder set(String path, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            parentOf(path).set(leaf(path), value);
        }
        return this;
    }

    /** Adds one value to the array at {@code path}, skipping blanks and values already present. */
    public EcsEventBuilder add(String path, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        ObjectNode parent = parentOf(path);
        JsonNode existing = parent.get(leaf(path));
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(leaf(path));
        for (JsonNode present : array) {
            if (present.asText().equals(value)) {
                return this;
            }
        }
        array.add(value);
        return this;
    }

    public EcsEventBuilder addAll(String path, Collection<String> values) {
        values.forEach(v -> add(path, v));
        return this;
    }

    public NormalizedEvent build() {
        if (timestamp == null) {
            throw new RejectedRecordException("record has no usable timestamp");
        }
        if (!Partitioning.isNamable(timestamp)) {
            throw new RejectedRecordException("timestamp " + timestamp + " lies outside the years 0000 to 9999");
        }
        if (id == null || id.isBlank()) {
            throw new RejectedRecordException("record has no event id");
        }
        if (!document.path("event").hasNonNull("action")) {
            throw new RejectedRecordException("record has no event type");
        }
        if (!document.path("event").hasNonNull("outcome")) {
            outcome(Outcome.UNKNOWN);
        }
        ObjectNode event = (ObjectNode) document.get("event");
        event.put("id", id);
        event.put("ingested", Instant.now().toString());
        event.put("original", record.originalText());
        ObjectNode ordered = NODES.objectNode();
        ordered.put("@timestamp", timestamp.toString());
        ordered.setAll(document);
        return new NormalizedEvent(id, timestamp, ordered);
    }

    private ObjectNode parentOf(String path) {
        String[] names = PATHS.apply(path);
        ObjectNode node = document;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(names[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        String[] names = PATHS.apply(path);
        return names[names.length - 1];
    }
}
