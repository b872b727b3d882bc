package io.logsearch.indexer.sources.thousandeyes;

import static io.logsearch.indexer.sources.RecordFields.requiredText;
import static io.logsearch.indexer.sources.RecordFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.EcsEventBuilder;
import io.logsearch.indexer.ecs.Memo;
import io.logsearch.indexer.ecs.Outcome;
import io.logsearch.indexer.ecs.IpAddresses;
import io.logsearch.indexer.ecs.Timestamps;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** ThousandEyes activity log events, {@code GET /v7/audit-user-events} → {@code {auditEvents: […]}}. */
public final class ThousandEyesSource implements Source {

    /** Event texts come from a small vocabulary: classify each distinct text once. */
    private static final Memo<String, Categorization> CATEGORIZATIONS = new Memo<>(Categorization::of, 10_000);
    private static final Memo<String, Outcome> OUTCOMES = new Memo<>(OutcomeRules::outcomeOf, 10_000);

    private static final String DATASET = "thousandeyes.audit";

    @Override
    public String id() {
        return "thousandeyes";
    }

    @Override
    public ExportLayout layout() {
        return ExportLayout.recordsAt("auditEvents");
    }

    @Override
    public NormalizedEvent normalize(SourceRecord sourceRecord, SourceContext context) {
        ObjectNode record = sourceRecord.fields();
        Instant timestamp = Timestamps.parse(record, "date");
        String action = requiredText(record, "event");
        Categorization categorization = CATEGORIZATIONS.apply(action);
        String uid = text(record, "uid").orElse("");
        AuditUser user = AuditUser.parse(text(record, "user").orElse(""));
        ArrayNode resources = resources(record.path("resources"));

        EcsEventBuilder event = EcsEventBuilder.from(id(), DATASET, sourceRecord)
                .timestamp(timestamp)
                .action(action)
                .outcome(OUTCOMES.apply(action))
                .category(categorization.category())
                .types(categorization.types())
                .message(message(record, action, resources))
                .set("user.id", uid)
                .set("user.name", user.email())
                .set("user.full_name", user.fullName())
                .set("user.email", user.email())
                .add("related.user", uid)
                .add("related.user", user.email())
                .add("related.user", user.fullName())
                .set("organization.id", text(record, "aid").orElse(null))
                .set("organization.name", text(record, "accountGroupName").orElse(null))
                .set("thousandeyes.account_group.id", text(record, "aid").orElse(null))
                .set("thousandeyes.account_group.name", text(record, "accountGroupName").orElse(null))
                .idFromContent(context);
        text(record, "ipAddress").ifPresent(address -> setClientAddress(event, address));
        if (!resources.isEmpty()) {
            event.set("thousandeyes.resources", resources);
        }
        return event.build();
    }

    /** ThousandEyes records either one address or, for some users, the network they came from. */
    private static void setClientAddress(EcsEventBuilder event, String address) {
        event.set("client.address", address);
        IpAddresses.parse(address).ifPresent(parsed -> {
            if (parsed instanceof IpAddresses.Single single) {
                event.set("client.ip", single.ip())
                        .set("source.ip", single.ip())
                        .add("related.ip", single.ip());
            } else if (parsed instanceof IpAddresses.Network network) {
                event.set("client.ip_range", network.cidr());
            }
        });
    }

    /** The {@code {type, name}} pairs of the affected resources; items that are not objects are left out. */
    private static ArrayNode resources(JsonNode items) {
        ArrayNode resources = JsonNodeFactory.instance.arrayNode();
        if (!items.isArray()) {
            return resources;
        }
        for (JsonNode item : items) {
            ObjectNode resource = JsonNodeFactory.instance.objectNode();
            for (String field : List.of("type", "name")) {
                text(item, field).ifPresent(value -> resource.put(field, value));
            }
            if (!resource.isEmpty()) {
                resources.add(resource);
            }
        }
        return resources;
    }

    /** E.g. {@code API Sandbox User (noreply@thousandeyes.com): Report created. (reportTitle: My report)}. */
    private static String message(JsonNode record, String action, ArrayNode resources) {
        String actor = actor(record);
        String message = actor.isEmpty() ? action : actor + ": " + action;
        List<String> described = new ArrayList<>();
        resources.forEach(resource -> described.add(describe(resource)));
        return described.isEmpty() ? message : message + " (" + String.join(", ", described) + ")";
    }

    /** Who acted: the user text as the vendor wrote it, else the user id, else nobody named. */
    private static String actor(JsonNode record) {
        return text(record, "user").or(() -> text(record, "uid").map(uid -> "user " + uid)).orElse("");
    }

    private static String describe(JsonNode resource) {
        String type = resource.path("type").asText();
        String name = resource.path("name").asText();
        if (type.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? type : type + ": " + name;
    }
}
