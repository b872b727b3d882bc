package io.logsearch.api.compat.authing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.compat.Originals;
import io.logsearch.storage.query.NumberedPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A page of Authing's user action logs in its envelope: {@code statusCode}, {@code requestId}, {@code data.totalCount}, {@code data.list}. */
final class AuthingPage {

    static final String SOURCE = "authing";

    private AuthingPage() {
    }

    static byte[] render(NumberedPage results, String requestId) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (JsonGenerator out = AuthingBody.JSON.getFactory().createGenerator(response, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("statusCode", 200);
            out.writeStringField("message", "");
            out.writeStringField("requestId", requestId);
            out.writeObjectFieldStart("data");
            out.writeNumberField("totalCount", results.total());
            out.writeArrayFieldStart("list");
            for (ObjectNode event : results.events()) {
                Originals.write(out, event, SOURCE);
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return response.toByteArray();
    }
}
