package io.logsearch.indexer.sources.actionhub;

import static io.logsearch.indexer.sources.RecordFields.requiredText;
import static io.logsearch.indexer.sources.RecordFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.ecs.EcsEventBuilder;
import io.logsearch.indexer.ecs.Outcome;
import io.logsearch.indexer.ecs.Timestamps;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ActionHub raw user action history, {@code GET /users/{user_id}/events} with header {@code program-id}
 * → {@code {history: […]}}. The records carry neither the user nor the program: both come from the
 * context.
 */
public final class ActionHubSource implements Source {

    private static final String DATASET = "actionhub.events";

    @Override
    public String id() {
        return "actionhub";
    }

    @Override
    public ExportLayout layout() {
        return ExportLayout.recordsAt("history").withContext(Map.of(
                "user_id", SourceContext.USER_ID,
                "program_id", SourceContext.PROGRAM_ID));
    }

    @Override
    public NormalizedEvent normalize(SourceRecord sourceRecord, SourceContext context) {
        ObjectNode record = sourceRecord.fields();
        String userId = context.require(SourceContext.USER_ID);
        String programId = context.require(SourceContext.PROGRAM_ID);
        Instant timestamp = Timestamps.parse(record, "timestamp");
        String eventType = requiredText(record, "event_type");
        Optional<String> assetId = text(record, "asset_id");
        Optional<String> assetName = text(record, "asset_name");
        Activity activity = Activity.of(eventType);

        return EcsEventBuilder.from(id(), DATASET, sourceRecord)
                .timestamp(timestamp)
                .action(eventType)
                .outcome(Outcome.SUCCESS)
                .category(activity.category())
                .types(activity.types())
                .message(message(userId, eventType, assetName.or(() -> assetId)))
                .set("user.id", userId)
                .add("related.user", userId)
                .set("organization.id", programId)
                .set("actionhub.program_id", programId)
                .set("actionhub.asset.id", assetId.orElse(null))
                .set("actionhub.asset.name", assetName.orElse(null))
                .addAll("actionhub.asset.labels", labels(record.path("asset_labels")))
                .addAll("tags", labels(record.path("event_labels")))
                .idFromContent(context)
                .build();
    }

    /** E.g. {@code user 42 viewed Welcome video}. */
    private static String message(String userId, String eventType, Optional<String> asset) {
        String action = "user " + userId + " " + eventType;
        return asset.map(name -> action + " " + name).orElse(action);
    }

    /**
     * Label items may be any JSON: scalars become their text, objects and arrays their compact JSON.
     * A single value where the vendor documents an array counts as one label.
     */
    private static List<String> labels(JsonNode value) {
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        List<String> labels = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isContainerNode()) {
                labels.add(CanonicalJson.compact(item));
            } else if (item.isValueNode() && !item.isNull()) {
                labels.add(item.asText());
            }
        }
        return labels;
    }
}
