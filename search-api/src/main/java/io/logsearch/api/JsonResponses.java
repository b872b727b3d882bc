package io.logsearch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** Writes a JSON tree as a response body, encoded straight to UTF-8 bytes. */
public final class JsonResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponses() {
    }

    public static void write(Context ctx, String contentType, JsonNode body) {
        try {
            ctx.contentType(contentType).result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; this would be a Jackson defect
            throw new UncheckedIOException(e);
        }
    }
}
