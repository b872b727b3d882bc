package io.logsearch.api.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vendor records given back exactly as they were ingested, from {@code event.original}. A document
 * without one (written to the index by another producer, say) holds no vendor record: a facade
 * leaves it out and logs an error, rather than invent a record for it.
 */
public final class Originals {

    private static final Logger LOG = LoggerFactory.getLogger(Originals.class);
    private static final JsonFactory JSON = new JsonFactory();

    private Originals() {
    }

    /**
     * The original record of a document of {@code source}, the JSON text it was stored as; empty
     * (and logged) when {@code event.original} is missing or is not one JSON object.
     */
    public static Optional<String> of(ObjectNode document, String source) {
        JsonNode original = document.path("event").path("original");
        if (original.isTextual() && isOneObject(original.asText())) {
            return Optional.of(original.asText());
        }
        LOG.error("left out of the {} facade: a document at @timestamp {} has no vendor record in event.original",
                source, document.path("@timestamp").asText("?"));
        return Optional.empty();
    }

    /** Writes the original record of a document of {@code source}; nothing when it has none (see {@link #of}). */
    public static void write(JsonGenerator out, ObjectNode document, String source) throws IOException {
        Optional<String> original = of(document, source);
        if (original.isPresent()) {
            out.writeRawValue(original.get());
        }
    }

    private static boolean isOneObject(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }
}
