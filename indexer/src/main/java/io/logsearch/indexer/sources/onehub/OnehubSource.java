package io.logsearch.indexer.sources.onehub;

import static io.logsearch.indexer.sources.RecordFields.requiredText;
import static io.logsearch.indexer.sources.RecordFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.ecs.EcsEventBuilder;
import io.logsearch.indexer.ecs.Outcome;
import io.logsearch.indexer.ecs.Timestamps;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Onehub activity and file audit-trail events ({@code GET /activity/}, {@code GET /files/{id}/audit_trail}):
 * {@code {"items":[{"event":{"id", "updated_at", "detail", "workspace_id", "user_id"}}]}}, where
 * {@code detail} is a sentence in markup such as
 * {@code <subject>Matthew Anderson</subject> <predicate>viewed</predicate> the <object><a href="/workspaces/4137/files/849607">onehub-logo.png</a> File</object> …}.
 */
public final class OnehubSource implements Source {

    public static final String ID = "onehub";
    public static final String DATASET = "onehub.activity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean hasVendorEventIds() {
        return true;
    }

    @Override
    public ExportLayout layout() {
        return ExportLayout.recordsAt("items").wrappedIn("event");
    }

    @Override
    public NormalizedEvent normalize(SourceRecord sourceRecord, SourceContext context) {
        ObjectNode record = sourceRecord.fields();
        String eventId = requiredText(record, "id");
        String markup = requiredText(record, "detail");
        OnehubDetail detail = DetailMarkup.parse(markup);
        String predicate = detail.predicate().orElseThrow(() -> new RejectedRecordException("detail has no <predicate>"));
        String action = predicate.toLowerCase(Locale.ROOT);
        Optional<String> userId = text(record, "user_id");
        Optional<String> workspaceId = text(record, "workspace_id").or(detail::firstWorkspaceId);
        Optional<OnehubLink> target = detail.primaryLink();
        Optional<OnehubLink> file = target.filter(link -> link.fileId().isPresent());
        Verb verb = Verb.of(action);

        return EcsEventBuilder.from(ID, DATASET, sourceRecord)
                .vendorId(eventId, workspaceId.orElse(""))
                .timestamp(Timestamps.parse(record, "updated_at"))
                .action(action)
                .outcome(Outcome.SUCCESS)
                .category(verb.category())
                .types(verb.types())
                .message(detail.sentence())
                .set("user.id", userId.orElse(null))
                .set("user.full_name", detail.subject().orElse(null))
                .add("related.user", userId.orElse(null))
                .add("related.user", detail.subject().orElse(null))
                .set("organization.id", workspaceId.orElse(null))
                .set("onehub.workspace.id", workspaceId.orElse(null))
                .set("onehub.workspace.name", workspaceId.flatMap(detail::workspaceLink).map(OnehubLink::name).orElse(null))
                .set("url.original", target.map(OnehubLink::href).orElse(null))
                .set("file.name", file.map(OnehubLink::name).orElse(null))
                .set("onehub.file.id", file.flatMap(OnehubLink::fileId).orElse(null))
                .set("onehub.predicate", predicate)
                .set("onehub.complement", detail.complement().orElse(null))
                .set("onehub.detail", markup)
                .build();
    }

    /**
     * ECS category and types of a detail verb; verbs not listed are file events of type info. An
     * invitation makes the invitee a member of the workspace: an iam user creation.
     */
    private enum Verb {
        ACCESS("file", List.of("access"), "viewed", "previewed", "read", "downloaded", "view", "preview", "download"),
        CREATION("file", List.of("creation"), "uploaded", "created", "copied", "upload", "create", "copy"),
        CHANGE("file", List.of("change"), "updated", "renamed", "moved", "edited", "update", "rename", "move", "edit"),
        DELETION("file", List.of("deletion"), "deleted", "removed", "trashed", "delete", "remove"),
        INVITATION("iam", List.of("user", "creation"), "invited", "invite"),
        OTHER("file", List.of("info"));

        private final String category;
        private final List<String> types;
        private final Set<String> verbs;

        Verb(String category, List<String> types, String... verbs) {
            this.category = category;
            this.types = types;
            this.verbs = Set.of(verbs);
        }

        static Verb of(String action) {
            for (Verb verb : values()) {
                if (verb.verbs.contains(action)) {
                    return verb;
                }
            }
            return OTHER;
        }

        String category() {
            return category;
        }

        List<String> types() {
            return types;
        }
    }
}
