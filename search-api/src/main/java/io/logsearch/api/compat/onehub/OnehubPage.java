package io.logsearch.api.compat.onehub;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.compat.Originals;
import io.logsearch.storage.query.NumberedPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A page of Onehub's event listing: {@code total_entries}, {@code current_page}, {@code total_pages}, {@code per_page}, {@code items[].event}. */
final class OnehubPage {

    static final String SOURCE = "onehub";
    static final int PER_PAGE = 30;
    private static final JsonFactory JSON = new JsonFactory();

    private OnehubPage() {
    }

    static byte[] render(NumberedPage results, int page) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("total_entries", results.total());
            out.writeNumberField("current_page", page);
            out.writeNumberField("total_pages", (results.total() + PER_PAGE - 1) / PER_PAGE);
            out.writeNumberField("per_page", PER_PAGE);
            out.writeArrayFieldStart("items");
            for (ObjectNode event : results.events()) {
                Optional<String> original = Originals.of(event, SOURCE);
                if (original.isPresent()) {
                    out.writeStartObject();
                    out.writeFieldName("event");
                    out.writeRawValue(original.get());
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return body.toByteArray();
    }
}
