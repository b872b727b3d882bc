package io.logsearch.indexer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the context fields a vendor body gives after its records, as in key-sorted JSON
 * ({@code {"history":[…],"program_id":…,"user_id":…}}), by scanning ahead of the parser: only the
 * body's own scalar fields are read, everything nested is passed over without being parsed.
 */
final class ContextAfterRecords {

    private static final int MAX_NAME = 256;

    private final JsonFactory factory;
    private final int maxValue;

    ContextAfterRecords(JsonFactory factory, int maxValue) {
        this.factory = factory;
        this.maxValue = maxValue;
    }

    /**
     * @param ahead         the body's bytes from just inside the value holding its records, to its end
     * @param contextFields the body's field names that carry context, mapped to their context keys
     * @return context key to value, for the fields found with a value (the first one, if repeated)
     */
    Map<String, String> find(InputStream ahead, Map<String, String> contextFields) throws IOException {
        JsonScanner scan = new JsonScanner(ahead, 0, 1, 1, 2);
        Map<String, String> found = new HashMap<>();
        while (scan.skipUntilDepth(1, Long.MAX_VALUE) == JsonScanner.Outcome.CLOSED) {
            int b = scan.readNonBlank();
            if (b == '}' || b == JsonScanner.END) {
                return found;
            }
            if (b != '"') {
                continue;
            }
            String contextKey = text(scan.readRestOfString(MAX_NAME)).map(contextFields::get).orElse(null);
            if (scan.readNonBlank() != ':') {
                continue;
            }
            int first = scan.peekNonBlank();
            if (first == '{' || first == '[' || first == JsonScanner.END) {
                continue;
            }
            byte[] value = scan.readScalar(contextKey == null ? 0 : maxValue);
            if (contextKey != null) {
                text(value).filter(v -> !v.isBlank()).ifPresent(v -> found.putIfAbsent(contextKey, v));
            }
        }
        return found;
    }

    /**
     * The value of one JSON scalar as the parser gives it for a context field before the records.
     * Empty for {@code null}, and for damaged text, which the parser reports when it gets there.
     */
    private Optional<String> text(byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken token = parser.nextToken();
            return token != null && token.isScalarValue() ? Optional.ofNullable(parser.getValueAsString()) : Optional.empty();
        } catch (JsonProcessingException damaged) {
            return Optional.empty();
        }
    }
}
