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
import java.util.Arrays;
import java.util.Collection;

/**
 * Builds one ECS document. Field paths are dotted ({@code client.ip}) and become nested objects;
 * null or blank values are left out, so a normaliser can set every field it might have without
 * checking each one. {@link #build()} refuses a document without its core fields.
 */
public final class EcsEventBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TIMESTAMP = "@timestamp";
    /** Field paths are a small fixed set of constants: split each once. */
    private static final Memo<String, FieldPath> PATHS = new Memo<>(FieldPath::of, 1_000);

    /** A dotted field path: the names of the objects it leads through, and the field's own name. */
    private record FieldPath(String[] parents, String leaf) {
        static FieldPath of(String dotted) {
            String[] names = dotted.split("\\.");
            return new FieldPath(Arrays.copyOf(names, names.length - 1), names[names.length - 1]);
        }
    }

    private final String provider;
    private final SourceRecord record;
    private final ObjectNode document = NODES.objectNode();
    private Instant timestamp;
    private String id;
    private String documentId;

    private EcsEventBuilder(String provider, String dataset, SourceRecord record) {
        this.provider = provider;
        this.record = record;
        // @timestamp leads the document; build() gives it its value
        document.putNull(TIMESTAMP);
        set("event.kind", "event");
        set("event.provider", provider);
        set("event.dataset", dataset);
    }

    /** Starts an event of {@code provider} (the source id) and {@code dataset} from one source record. */
    public static EcsEventBuilder from(String provider, String dataset, SourceRecord record) {
        return new EcsEventBuilder(provider, dataset, record);
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

    public EcsEventBuilder types(Collection<String> values) {
        return addAll("event.type", values);
    }

    public EcsEventBuilder message(String value) {
        return set("message", value);
    }

    /** An event id that is the document {@code _id} too. */
    public EcsEventBuilder id(String value) {
        this.id = value;
        this.documentId = value;
        return this;
    }

    /**
     * The vendor's own event id, which is unique only within the vendor's tenant: {@code event.id} is
     * the vendor's, the {@code _id} is namespaced by source and organization.
     */
    public EcsEventBuilder vendorId(String value, String organizationId) {
        this.id = value;
        this.documentId = EventIds.namespacedId(provider, organizationId, value);
        return this;
    }

    /** An id derived from the source, the context and the record's content, for sources without ids. */
    public EcsEventBuilder idFromContent(SourceContext context) {
        return id(EventIds.contentId(provider, context, record.fields()));
    }

    public EcsEventBuilder set(String path, String value) {
        if (value != null && !value.isBlank()) {
            FieldPath field = PATHS.apply(path);
            parentOf(field).put(field.leaf(), value);
        }
        return this;
    }

    public EcsEventBuilder set(String path, long value) {
        FieldPath field = PATHS.apply(path);
        parentOf(field).put(field.leaf(), value);
        return this;
    }

    public EcsEventBuilder set(String path, double value) {
        FieldPath field = PATHS.apply(path);
        parentOf(field).put(field.leaf(), value);
        return this;
    }

    public EcsEventBuilder set(String path, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            FieldPath field = PATHS.apply(path);
            parentOf(field).set(field.leaf(), value);
        }
        return this;
    }

    /** Adds one value to the array at {@code path}, skipping blanks and values already present. */
    public EcsEventBuilder add(String path, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        FieldPath field = PATHS.apply(path);
        ObjectNode parent = parentOf(field);
        JsonNode existing = parent.get(field.leaf());
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(field.leaf());
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
        event.put("ingested", Timestamps.format(Instant.now()));
        event.put("original", record.originalText());
        document.put(TIMESTAMP, Timestamps.format(timestamp));
        return new NormalizedEvent(documentId, timestamp, document);
    }

    private ObjectNode parentOf(FieldPath field) {
        ObjectNode node = document;
        for (String name : field.parents()) {
            JsonNode child = node.get(name);
            node = child instanceof ObjectNode o ? o : node.putObject(name);
        }
        return node;
    }
}
