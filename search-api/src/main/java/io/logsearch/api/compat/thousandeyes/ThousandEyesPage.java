package io.logsearch.api.compat.thousandeyes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.compat.Originals;
import io.logsearch.storage.query.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** A page of ThousandEyes' {@code AuditUserEvents} response: the records as ingested, the range, {@code _links}. */
final class ThousandEyesPage {

    static final String SOURCE = "thousandeyes";
    private static final JsonFactory JSON = new JsonFactory();

    private ThousandEyesPage() {
    }

    /**
     * The response body; {@code startDate} and {@code endDate} only when {@code request} asked for
     * them: a window's bounds to the second, as the vendor answers, and given bounds with the
     * precision they were given.
     */
    static byte[] render(List<ObjectNode> events, ThousandEyesRequest request, Optional<TimeRange> range, String self,
            Optional<String> next) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeArrayFieldStart("auditEvents");
            for (ObjectNode event : events) {
                Originals.write(out, event, SOURCE);
            }
            out.writeEndArray();
            if (range.isPresent() && request.reportStart()) {
                out.writeStringField("startDate", echo(range.get().start(), request));
            }
            if (range.isPresent() && request.reportEnd()) {
                out.writeStringField("endDate", echo(range.get().end(), request));
            }
            out.writeObjectFieldStart("_links");
            link(out, "self", self);
            if (next.isPresent()) {
                link(out, "next", next.get());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return body.toByteArray();
    }

    private static String echo(Instant bound, ThousandEyesRequest request) {
        return (request.windowed() ? bound.truncatedTo(ChronoUnit.SECONDS) : bound).toString();
    }

    private static void link(JsonGenerator out, String name, String href) throws IOException {
        out.writeObjectFieldStart(name);
        out.writeStringField("href", href);
        out.writeEndObject();
    }
}
