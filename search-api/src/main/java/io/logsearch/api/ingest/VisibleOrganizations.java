package io.logsearch.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.auth.Caller;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.RejectedRecordException;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A source whose events must belong to organizations the caller may see: a token cannot write into
 * another tenant's events. Other events are rejected with the reason, so they are counted and
 * reported like any other bad record, and never written.
 */
final class VisibleOrganizations implements Source {

    private final Source source;
    private final Caller caller;

    VisibleOrganizations(Source source, Caller caller) {
        this.source = source;
        this.caller = caller;
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public ExportLayout layout() {
        return source.layout();
    }

    @Override
    public NormalizedEvent normalize(SourceRecord record, SourceContext context) {
        NormalizedEvent event = source.normalize(record, context);
        if (caller.visibility().organizations().isEmpty()) {
            return event;
        }
        List<String> organizations = organizations(event.document().path("organization").path("id"));
        if (organizations.isEmpty()) {
            throw new RejectedRecordException("the event has no organization.id, and the token '" + caller.name()
                    + "' may only ingest events of its own organizations");
        }
        for (String organization : organizations) {
            if (!caller.canSee(organization)) {
                throw new RejectedRecordException("organization.id '" + organization + "' is outside the organizations of the token '"
                        + caller.name() + "'");
            }
        }
        return event;
    }

    /** {@code organization.id} is a keyword, so a document may hold one value or several. */
    private static List<String> organizations(JsonNode id) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : id.isArray() ? id : List.of(id)) {
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                ids.add(value.asText());
            }
        }
        return ids;
    }
}
