package io.logsearch.api.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORD = "{\"aid\":\"1234\",\"date\":\"2020-07-17T22:00:54Z\",\"event\":\"Login failed.\","
            + "\"score\":1.10,\"big\":12345678901234567890123}";

    private static ObjectNode document(String eventJson) throws IOException {
        return (ObjectNode) JSON.readTree("{\"@timestamp\":\"2020-07-17T22:00:54Z\",\"event\":" + eventJson + "}");
    }

    private static String written(ObjectNode... documents) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartArray();
            for (ObjectNode document : documents) {
                Originals.write(out, document, "thousandeyes");
            }
            out.writeEndArray();
        }
        return text.toString();
    }

    @Test
    void theOriginalIsWrittenAsTheTextItWasStoredAs() throws IOException {
        ObjectNode document = document("{\"id\":\"e1\",\"original\":" + JSON.writeValueAsString(RECORD) + "}");
        assertEquals(Optional.of(RECORD), Originals.of(document, "thousandeyes"));
        assertEquals("[" + RECORD + "]", written(document), "numbers as they were written, not as a double reads them");
    }

    @Test
    void aDocumentWithoutAVendorRecordIsLeftOutNotInvented() throws IOException {
        ObjectNode good = document("{\"original\":" + JSON.writeValueAsString(RECORD) + "}");
        for (String event : new String[] {"{\"id\":\"e1\"}", "{\"original\":null}", "{\"original\":\"\"}", "{\"original\":\"Login failed.\"}",
                "{\"original\":\"[1,2]\"}", "{\"original\":\"{\\\"a\\\":1} {\\\"b\\\":2}\"}", "{\"original\":\"{\\\"a\\\":\"}",
                "{\"original\":{\"aid\":\"1234\"}}", "\"not an object\""}) {
            ObjectNode bad = document(event);
            assertEquals(Optional.empty(), Originals.of(bad, "thousandeyes"), event);
            assertEquals("[" + RECORD + "," + RECORD + "]", written(good, bad, good), event);
        }
    }
}
