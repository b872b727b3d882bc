package io.logsearch.api.compat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Vendor records given back exactly as they were ingested, from {@code event.original}. */
public final class Originals {

    private Originals() {
    }

    /** Writes the document's original record, as the JSON text it was stored as. */
    public static void write(JsonGenerator out, ObjectNode document) throws IOException {
        out.writeRawValue(document.path("event").path("original").asText("{}"));
    }
}
