package io.logsearch.indexer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.SourceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the records out of one export, whatever its shape: vendor response bodies (one, several
 * concatenated, or one per line), JSON arrays of records, NDJSON of records, or single records.
 * Records are handed over one by one as they are parsed; only a body whose context fields come
 * after its records is held until the body ends.
 *
 * <p>A syntax error does not end the input: the damaged text is reported as a problem, and reading
 * resumes at the next line, so every intact record of a mixed file is still read.
 */
public final class ExportReader {

    /** Receives what the reader finds, in input order. */
    public interface Handler {

        void record(ObjectNode record, SourceContext context, Position position);

        void problem(Position position, String reason, String text);
    }

    static final int MAX_PROBLEM_TEXT = 1024 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .build())
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final ExportLayout layout;
    private final SourceContext baseContext;
    private final Handler handler;
    private RetainingInputStream raw;
    private JsonParser parser;
    private long lineOffset;
    private long recordIndex;
    private long valueStart;
    private long valueEnd;
    private long valueEndLine = 1;
    private JsonLocation valueStartLocation;
    private boolean inRecord;
    private boolean rootIsRecord;
    private boolean betweenValues;

    private ExportReader(ExportLayout layout, SourceContext baseContext, Handler handler) {
        this.layout = layout;
        this.baseContext = baseContext;
        this.handler = handler;
    }

    /**
     * Reads every record of {@code input}. Syntax errors are reported to the handler; an
     * {@link IOException} means the input itself could not be read further (e.g. truncated gzip).
     */
    public static void read(InputStream input, ExportLayout layout, SourceContext baseContext, Handler handler) throws IOException {
        new ExportReader(layout, baseContext, handler).readAll(input);
    }

    /** The mapper records are parsed with: numbers keep their exact written value. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private void readAll(InputStream input) throws IOException {
        InputStream current = input;
        while (current != null) {
            raw = new RetainingInputStream(current);
            valueEnd = 0;
            valueEndLine = lineOffset + 1;
            try (JsonParser p = FACTORY.createParser(raw)) {
                parser = p;
                current = readSegment();
            }
        }
    }

    /** Reads until the end of input (returns null) or a syntax error (returns where to resume). */
    private InputStream readSegment() throws IOException {
        try {
            while (true) {
                betweenValues = true;
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                betweenValues = false;
                inRecord = false;
                rootIsRecord = token == JsonToken.START_OBJECT;
                markValueStart();
                rootValue(token);
                valueEnd = parser.currentLocation().getByteOffset();
                valueEndLine = lineOffset + parser.currentLocation().getLineNr();
            }
        } catch (JsonProcessingException e) {
            return betweenValues ? resyncBetweenValues(e) : recover(e);
        }
    }

    private void rootValue(JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            records(new Delivery(baseContext, Map.of()));
        } else if (token == JsonToken.START_OBJECT) {
            rootObject();
        } else {
            Position at = position(parser.currentTokenLocation(), 0);
            handler.problem(at, "expected a JSON object or array, found " + describe(token), parser.getText());
        }
    }

    /** A vendor response body (it holds the records path) or a single record. */
    private void rootObject() throws IOException {
        Position start = position(parser.currentTokenLocation(), 0);
        ObjectNode fields = MAPPER.createObjectNode();
        Map<String, String> context = new HashMap<>();
        Delivery body = null;
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(layout.recordsPath().get(0))) {
                rootIsRecord = false;
                if (body == null) {
                    body = new Delivery(baseContext, context);
                }
                descend(1, value, body);
                continue;
            }
            String contextKey = layout.contextFields().get(name);
            if (contextKey != null && value.isScalarValue()) {
                context.put(contextKey, parser.getValueAsString());
            }
            fields.set(name, MAPPER.readTree(parser));
        }
        if (body == null) {
            recordIndex++;
            handler.record(unwrap(fields), baseContext, new Position(recordIndex, start.line(), start.column()));
        } else {
            body.finish();
        }
    }

    private void descend(int depth, JsonToken token, Delivery delivery) throws IOException {
        List<String> path = layout.recordsPath();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (depth == path.size()) {
            if (token == JsonToken.START_ARRAY) {
                records(delivery);
            } else {
                problemAtValue("'" + String.join(".", path) + "' should be an array of records, found " + describe(token));
            }
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            problemAtValue("'" + String.join(".", path.subList(0, depth)) + "' should be an object, found " + describe(token));
            return;
        }
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(path.get(depth))) {
                descend(depth + 1, value, delivery);
            } else {
                parser.skipChildren();
            }
        }
    }

    private void records(Delivery delivery) throws IOException {
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            recordIndex++;
            inRecord = true;
            markValueStart();
            Position at = position(parser.currentTokenLocation(), recordIndex);
            JsonNode item = MAPPER.readTree(parser);
            if (item instanceof ObjectNode object) {
                delivery.accept(unwrap(object), at);
            } else {
                handler.problem(at, "expected a record (a JSON object), found " + item.getNodeType().name().toLowerCase(), item.toString());
            }
            inRecord = false;
        }
    }

    private ObjectNode unwrap(ObjectNode item) {
        return layout.itemWrapper()
                .filter(wrapper -> item.size() == 1 && item.get(wrapper) instanceof ObjectNode)
                .map(wrapper -> (ObjectNode) item.get(wrapper))
                .orElse(item);
    }

    private void problemAtValue(String reason) throws IOException {
        Position at = position(parser.currentTokenLocation(), 0);
        JsonNode value = MAPPER.readTree(parser);
        handler.problem(at, reason, value.toString());
    }

    /**
     * Between two values only separators ({@code , ] }}) may stand, left over from an array whose
     * damaged start was skipped; they carry no data and are passed over silently. Anything else is
     * reported up to the end of its line.
     */
    private InputStream resyncBetweenValues(JsonProcessingException error) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw.remainderFrom(valueEnd), 1);
        long line = skipSeparators(in, valueEndLine);
        int next = in.read();
        if (next == -1) {
            return null;
        }
        in.unread(next);
        if (next == '{' || next == '[') {
            lineOffset = line - 1;
            return in;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean more = copyRestOfLine(in, text);
        handler.problem(new Position(0, line, 1), "invalid JSON at line " + line + ": " + describe(error), text.toString(StandardCharsets.UTF_8));
        return more ? resumeAfterLine(in, line) : null;
    }

    /**
     * Reports the damaged value, from its start to the end of the error's line, at the position
     * where it starts, and returns the input after that line.
     */
    private InputStream recover(JsonProcessingException error) throws IOException {
        JsonLocation where = error.getLocation() != null ? error.getLocation() : parser.currentLocation();
        long errorOffset = Math.max(where.getByteOffset(), valueStart);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] before = raw.retainedFrom(valueStart);
        text.write(before, 0, (int) Math.min(MAX_PROBLEM_TEXT, Math.min(before.length, Math.max(0, errorOffset - valueStart))));
        InputStream rest = raw.remainderFrom(errorOffset);
        long errorLine = lineOffset + Math.max(1, where.getLineNr());
        boolean more = copyRestOfLine(rest, text);
        if (rootIsRecord && !inRecord) {
            recordIndex++;
        }
        long record = inRecord || rootIsRecord ? recordIndex : 0;
        Position at = position(valueStartLocation, record);
        String reason = "invalid JSON at line " + errorLine + ", column " + Math.max(1, where.getColumnNr()) + ": " + describe(error);
        handler.problem(at, reason, text.toString(StandardCharsets.UTF_8));
        return more ? resumeAfterLine(new PushbackInputStream(rest, 1), errorLine) : null;
    }

    /** Jackson's message without its note about the unnamed source. */
    private static String describe(JsonProcessingException error) {
        return error.getOriginalMessage().replaceAll("\\[Source: REDACTED \\([^)]*\\); ", "[");
    }

    /** Copies up to the end of the line (capped); false when the input ended first. */
    private static boolean copyRestOfLine(InputStream in, ByteArrayOutputStream text) throws IOException {
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (text.size() < MAX_PROBLEM_TEXT) {
                text.write(b);
            }
        }
        return b != -1;
    }

    /** Resumes at the first value after line {@code line}; null when only separators remain. */
    private InputStream resumeAfterLine(PushbackInputStream in, long line) throws IOException {
        long current = skipSeparators(in, line + 1);
        int next = in.read();
        if (next == -1) {
            return null;
        }
        in.unread(next);
        lineOffset = current - 1;
        return in;
    }

    /** Skips whitespace and structural separators; returns the line the next byte is on. */
    private static long skipSeparators(PushbackInputStream in, long line) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                line++;
            } else if (!(b == ' ' || b == '\t' || b == '\r' || b == ',' || b == ']' || b == '}')) {
                in.unread(b);
                break;
            }
        }
        return line;
    }

    private void markValueStart() {
        valueStartLocation = parser.currentTokenLocation();
        valueStart = valueStartLocation.getByteOffset();
        raw.mark(valueStart);
    }

    private Position position(JsonLocation location, long record) {
        return new Position(record, lineOffset + location.getLineNr(), location.getColumnNr());
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /**
     * Hands records of one body to the handler, with the body's context. When the body names
     * context the caller did not give and it has not been read yet, records wait for the end of
     * the body, because the context may still follow them.
     */
    private final class Delivery {
        private final SourceContext base;
        private final Map<String, String> bodyContext;
        private final List<Pending> waiting = new ArrayList<>();

        private record Pending(ObjectNode record, Position position) {
        }

        Delivery(SourceContext base, Map<String, String> bodyContext) {
            this.base = base;
            this.bodyContext = bodyContext;
        }

        void accept(ObjectNode record, Position position) {
            if (contextComplete()) {
                handler.record(record, base.with(bodyContext), position);
            } else {
                waiting.add(new Pending(record, position));
            }
        }

        void finish() {
            SourceContext context = base.with(bodyContext);
            waiting.forEach(p -> handler.record(p.record(), context, p.position()));
            waiting.clear();
        }

        private boolean contextComplete() {
            return layout.contextFields().values().stream()
                    .allMatch(key -> bodyContext.containsKey(key) || base.get(key).isPresent());
        }
    }
}
