package io.logsearch.indexer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.read.JsonScanner.Outcome;
import io.logsearch.indexer.sources.ExportLayout;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.Sources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Streams the records out of one export, whatever its shape: vendor response bodies (one, several
 * concatenated, or one per line), JSON arrays of records, NDJSON of records, or single records.
 * Records are handed over one by one as they are parsed, each with its body's context. A body whose
 * context fields follow its records (key-sorted JSON) or are missing is scanned ahead first, and
 * what the scan passes over is spooled to disk, so memory stays flat whatever the key order.
 *
 * <p>A syntax error does not end the input. The damaged text is reported as a problem and reading
 * goes on right after it: inside a records array at the next record, so a damaged record costs only
 * itself, whatever the damage; elsewhere after the damaged value. Outside records, where the damage
 * breaks the structure (an unclosed string or bracket), the damaged text ends with the line the
 * parser found it on. Byte order marks between values (concatenated files) are skipped. Another
 * source's page is read record by record, so that a wrong source counts records, not pages.
 */
public final class ExportReader {

    /** Receives what the reader finds, in input order. */
    public interface Handler {

        /** A record, with its text as the export has it when the reader still had it, and its body's context. */
        void record(SourceRecord record, SourceContext context, Position position);

        /**
         * Text that holds no record, or a damaged one; {@code position.record()} is 0 when the
         * problem lies outside any record (e.g. an input that ends before its records array does).
         */
        void problem(Position position, String reason, String text);
    }

    static final int MAX_PROBLEM_TEXT = 1024 * 1024;
    private static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(1000)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Every source's layout with the pointer to its records, to know another source's page when one is read. */
    private static final Map<ExportLayout, JsonPointer> LAYOUTS = Sources.all().stream().map(Source::layout)
            .collect(Collectors.toMap(l -> l, l -> JsonPointer.compile("/" + String.join("/", l.recordsPath())), (a, b) -> a, LinkedHashMap::new));
    private static final byte[] NO_PREFIX = {};
    private static final byte[] ARRAY_PREFIX = {'['};

    /** Where reading would start over if the parser failed now. */
    private enum Place {
        /** at the top level, between values */
        BETWEEN_VALUES,
        /** inside a top-level value, outside its records */
        IN_VALUE,
        /** inside a records array, between records */
        BETWEEN_RECORDS,
        /** inside a record of a records array */
        IN_RECORD
    }

    /** A records array: the context its records share, and how to get back inside it. */
    private static final class Records {
        private final SourceContext context;
        /** whether the array is a top-level value, its records not inside a page */
        private final boolean topLevel;
        /** the JSON leading from the top level into the array, to resume reading inside it */
        private final byte[] prefix;
        /** the line the array opens on, 0 until it is reached */
        private long line;
        /** the first key of the last record read, as written: the next record likely begins with it too */
        private Optional<byte[]> firstKey = Optional.empty();

        Records(SourceContext context, byte[] prefix, boolean topLevel) {
            this.context = context;
            this.prefix = prefix;
            this.topLevel = topLevel;
        }
    }

    /** Where the next parser starts in the export, and the records array it starts inside, if any. */
    private record Resume(long offset, long line, long column, Optional<Records> inside) {
    }

    /** Maps the locations of a parser that starts at this place of the export, after a prefix. */
    private record Segment(long offset, long line, long column, int prefixLength) {

        long offset(JsonLocation location) {
            return offset + location.getByteOffset() - prefixLength;
        }

        long line(JsonLocation location) {
            return line + location.getLineNr() - 1;
        }

        long column(JsonLocation location) {
            return location.getLineNr() == 1 ? column + location.getColumnNr() - 1 - prefixLength : location.getColumnNr();
        }
    }

    private final ExportLayout layout;
    private final SourceContext baseContext;
    private final Handler handler;
    private final SpoolingInputStream spooled;
    private final RetainingInputStream raw;
    private final ContextAfterRecords contextAfterRecords = new ContextAfterRecords(FACTORY, MAX_STRING_LENGTH);
    private final ItemWrapper itemWrapper;
    private final byte[] bodyPrefix;
    private JsonParser parser;
    private Segment segment;
    private long recordIndex;
    private boolean rootIsRecord;
    private Records records;
    private Place markPlace;
    private JsonLocation markLocation;
    private int markDepth;

    private ExportReader(ExportLayout layout, SourceContext baseContext, Handler handler, SpoolingInputStream spooled) {
        this.layout = layout;
        this.baseContext = baseContext;
        this.handler = handler;
        this.spooled = spooled;
        this.raw = new RetainingInputStream(spooled);
        this.bodyPrefix = prefixInto(layout.recordsPath());
        this.itemWrapper = new ItemWrapper(layout.itemWrapper(), FACTORY);
    }

    /**
     * Reads every record of {@code input}. Syntax errors are reported to the handler; an
     * {@link IOException} means the input itself could not be read further (e.g. truncated gzip).
     */
    public static void read(InputStream input, ExportLayout layout, SourceContext baseContext, Handler handler) throws IOException {
        read(input, layout, baseContext, handler, SpoolingInputStream.TEMPORARY);
    }

    /** As {@link #read(InputStream, ExportLayout, SourceContext, Handler)}, spooling look-aheads to {@code spoolFile}. */
    static void read(InputStream input, ExportLayout layout, SourceContext baseContext, Handler handler,
                     SpoolingInputStream.SpoolFile spoolFile) throws IOException {
        try (SpoolingInputStream spooled = new SpoolingInputStream(input, spoolFile)) {
            new ExportReader(layout, baseContext, handler, spooled).readAll();
        }
    }

    private void readAll() throws IOException {
        Optional<Resume> next = Optional.of(new Resume(0, 1, 1, Optional.empty()));
        while (next.isPresent()) {
            next = readFrom(next.get());
        }
    }

    /** Reads until the end of input (returns empty) or a syntax error (returns where to go on). */
    private Optional<Resume> readFrom(Resume at) throws IOException {
        raw.rewind(at.offset());
        raw.mark(at.offset());
        byte[] prefix = at.inside().map(r -> r.prefix).orElse(NO_PREFIX);
        segment = new Segment(at.offset(), at.line(), at.column(), prefix.length);
        InputStream source = prefix.length == 0 ? raw : new SequenceInputStream(new ByteArrayInputStream(prefix), raw);
        try (JsonParser p = FACTORY.createParser(source)) {
            parser = p;
            try {
                if (at.inside().isPresent()) {
                    continueInside(at.inside().get());
                }
                topLevelValues();
                return Optional.empty();
            } catch (JsonProcessingException e) {
                return resync(e);
            }
        }
    }

    /** The parser starts with the prefix that leads into {@code inside}; the export goes on from within it. */
    private void continueInside(Records inside) throws IOException {
        if (parser.nextToken() == JsonToken.START_ARRAY) {
            records(inside, 0);
        } else {
            body(Optional.of(inside));
        }
    }

    private void topLevelValues() throws IOException {
        while (true) {
            markAt(Place.BETWEEN_VALUES, parser.currentLocation(), 0);
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            markAt(Place.IN_VALUE, parser.currentTokenLocation(), 0);
            rootIsRecord = token == JsonToken.START_OBJECT;
            if (token == JsonToken.START_ARRAY) {
                records(new Records(baseContext, ARRAY_PREFIX, true), 0);
            } else if (token == JsonToken.START_OBJECT) {
                body(Optional.empty());
            } else {
                Position at = position(parser.currentTokenLocation(), 0);
                handler.problem(at, "expected a JSON object or array, found " + describe(token), parser.getText());
            }
        }
    }

    /** A vendor response body (it holds the records path), or a single record. */
    private void body(Optional<Records> continuing) throws IOException {
        JsonLocation startLocation = parser.currentTokenLocation();
        Position start = position(startLocation, 0);
        ObjectNode fields = MAPPER.createObjectNode();
        Map<String, String> context = new HashMap<>();
        Records found = continuing.orElse(null);
        rootIsRecord = continuing.isEmpty();
        String recordsField = layout.recordsPath().get(0);
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(recordsField)) {
                rootIsRecord = false;
                if (found == null) {
                    found = new Records(contextOfBody(context, value), bodyPrefix, false);
                }
                descend(1, value, found);
                markAt(Place.IN_VALUE, parser.currentLocation(), 1);
            } else if (found != null) {
                parser.skipChildren();
            } else {
                String contextKey = layout.contextFields().get(name);
                if (contextKey != null && value.isScalarValue()) {
                    Optional.ofNullable(parser.getValueAsString()).filter(v -> !v.isBlank())
                            .ifPresent(v -> context.putIfAbsent(contextKey, v));
                }
                fields.set(name, MAPPER.readTree(parser));
            }
        }
        if (found == null) {
            Optional<ExportLayout> foreign = foreignLayout(fields);
            Optional<byte[]> page = foreign.isEmpty() || startLocation.getByteOffset() < 0
                    ? Optional.empty()
                    : raw.bytes(segment.offset(startLocation), segment.offset(parser.currentLocation()));
            if (page.isEmpty() || !foreignRecords(page.get(), start, foreign.get())) {
                recordIndex++;
                deliver(fields, startLocation, baseContext, new Position(recordIndex, start.line(), start.column()));
            }
        }
    }

    /** The layout of another source whose records {@code body} holds: it is that source's page, not one record. */
    private Optional<ExportLayout> foreignLayout(ObjectNode body) {
        return LAYOUTS.entrySet().stream()
                .filter(other -> !other.getKey().recordsPath().equals(layout.recordsPath()))
                .filter(other -> body.at(other.getValue()).isArray())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The records of another source's page, each handed over on its own with its position, so a
     * wrong source counts (and rejects) records, not pages. The page's context is not theirs.
     * False, with nothing handed over, when the page read again does not lead to an array where
     * its tree holds one (a repeated key: the tree keeps the last, this reading meets the first).
     */
    private boolean foreignRecords(byte[] page, Position start, ExportLayout foreign) throws IOException {
        ItemWrapper wrapper = new ItemWrapper(foreign.itemWrapper(), FACTORY);
        try (JsonParser p = FACTORY.createParser(page)) {
            p.nextToken();
            for (String name : foreign.recordsPath()) {
                if (!toField(p, name)) {
                    return false;
                }
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                recordIndex++;
                JsonLocation from = p.currentTokenLocation();
                Position at = new Position(recordIndex, start.line() + from.getLineNr() - 1,
                        from.getLineNr() == 1 ? start.column() + from.getColumnNr() - 1 : from.getColumnNr());
                JsonNode item = MAPPER.readTree(p);
                int itemStart = (int) from.getByteOffset();
                String text = new String(page, itemStart, (int) p.currentLocation().getByteOffset() - itemStart, StandardCharsets.UTF_8);
                if (item instanceof ObjectNode object) {
                    handler.record(wrapper.unwrap(object, Optional.of(text)), baseContext, at);
                } else {
                    handler.problem(at, "expected a record (a JSON object), found " + item.getNodeType().name().toLowerCase(), text);
                }
            }
        }
        return true;
    }

    /** Moves {@code p}, inside an object, to the value of its first field {@code name} that holds an object or array. */
    private static boolean toField(JsonParser p, String name) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            JsonToken value = p.nextToken();
            if (p.currentName().equals(name) && (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT)) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /**
     * The context of a body's records: the body's own fields win, the caller's context (command
     * line flags, ingest parameters) fills in what the body lacks. Fields the body has not given
     * before its records are looked for after them, so the key order never matters.
     */
    private SourceContext contextOfBody(Map<String, String> before, JsonToken recordsValue) throws IOException {
        Map<String, String> context = new HashMap<>(before);
        boolean complete = context.keySet().containsAll(layout.contextFields().values());
        if (!complete && (recordsValue == JsonToken.START_ARRAY || recordsValue == JsonToken.START_OBJECT)) {
            long from = segment.offset(parser.currentLocation());
            InputStream ahead = new SequenceInputStream(new ByteArrayInputStream(raw.retainedFrom(from)), spooled.ahead());
            contextAfterRecords.find(ahead, layout.contextFields()).forEach(context::putIfAbsent);
        }
        return baseContext.with(context);
    }

    private void descend(int depth, JsonToken token, Records found) throws IOException {
        List<String> path = layout.recordsPath();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (depth == path.size()) {
            if (token == JsonToken.START_ARRAY) {
                records(found, depth);
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
                descend(depth + 1, value, found);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads the records of the array just opened; {@code depthAfter} containers are open once it closes. */
    private void records(Records array, int depthAfter) throws IOException {
        if (array.line == 0) {
            array.line = segment.line(parser.currentTokenLocation());
        }
        records = array;
        markAt(Place.BETWEEN_RECORDS, parser.currentLocation(), 0);
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            recordIndex++;
            JsonLocation start = parser.currentTokenLocation();
            markAt(Place.IN_RECORD, start, 0);
            Position at = position(start, recordIndex);
            JsonNode item = MAPPER.readTree(parser);
            if (item instanceof ObjectNode object) {
                if (!object.isEmpty()) {
                    array.firstKey = Optional.of(NextRecordStart.written(object.fieldNames().next()));
                }
                deliver(object, start, array.context, at);
            } else {
                handler.problem(at, "expected a record (a JSON object), found " + item.getNodeType().name().toLowerCase(), item.toString());
            }
            markAt(Place.BETWEEN_RECORDS, parser.currentLocation(), 0);
        }
        markAt(Place.IN_VALUE, parser.currentLocation(), depthAfter);
    }

    /**
     * Hands over the item just read, which began at {@code start}, with its text while the export's
     * bytes of it are retained. Inputs in UTF-16 or UTF-32 are parsed as characters, without byte
     * offsets: their records come without text.
     */
    private void deliver(ObjectNode item, JsonLocation start, SourceContext context, Position at) throws IOException {
        Optional<String> text = start.getByteOffset() < 0
                ? Optional.empty()
                : raw.text(segment.offset(start), segment.offset(parser.currentLocation()));
        handler.record(itemWrapper.unwrap(item, text), context, at);
    }

    private void problemAtValue(String reason) throws IOException {
        Position at = position(parser.currentTokenLocation(), 0);
        JsonNode value = MAPPER.readTree(parser);
        handler.problem(at, reason, value.toString());
    }

    private void markAt(Place place, JsonLocation location, int depth) {
        markPlace = place;
        markLocation = location;
        markDepth = depth;
        raw.mark(segment.offset(location));
    }

    /** Reports the damage the parser failed on and finds where reading goes on. */
    private Optional<Resume> resync(JsonProcessingException error) throws IOException {
        JsonLocation where = error.getLocation() != null ? error.getLocation() : parser.currentLocation();
        long errorLine = segment.line(where);
        String reason = "invalid JSON at line " + errorLine + ", column " + Math.max(1, segment.column(where)) + ": " + describe(error);
        long markOffset = segment.offset(markLocation);
        if (!raw.retains(markOffset)) {
            return afterErrorLine(segment.offset(where), errorLine, reason);
        }
        raw.rewind(markOffset);
        JsonScanner scan = new JsonScanner(raw, markOffset, segment.line(markLocation), segment.column(markLocation), markDepth);
        return switch (markPlace) {
            case BETWEEN_VALUES -> betweenValues(scan, error);
            case IN_VALUE -> inValue(scan, errorLine, reason);
            case IN_RECORD -> inRecord(scan, errorLine, reason);
            case BETWEEN_RECORDS -> betweenRecords(scan, errorLine, Optional.of(reason));
        };
    }

    /**
     * Between two top-level values only separators ({@code , ] }}) or a byte order mark (from
     * concatenated files) may stand; they carry no data and are passed over silently. Anything else
     * is reported up to the end of its line.
     */
    private Optional<Resume> betweenValues(JsonScanner scan, JsonProcessingException error) throws IOException {
        while (true) {
            int b = scan.peek();
            if (b == JsonScanner.END) {
                return Optional.empty();
            }
            if (b == '{' || b == '[') {
                return resumeAt(scan, Optional.empty());
            }
            if (JsonScanner.isBlank(b) || JsonScanner.isByteOrderMark(b) || b == ',' || b == ']' || b == '}') {
                scan.read();
                continue;
            }
            long line = scan.line();
            Position at = new Position(0, line, scan.column());
            scan.startCapture(MAX_PROBLEM_TEXT);
            boolean more = scan.skipLine();
            handler.problem(at, "invalid JSON at line " + line + ", column " + at.column() + ": " + describe(error), scan.endCapture());
            return more ? Optional.of(new Resume(scan.offset(), scan.line(), 1, Optional.empty())) : Optional.empty();
        }
    }

    /** A damaged top-level value, or the rest of a body after its records: reported, and passed over. */
    private Optional<Resume> inValue(JsonScanner scan, long errorLine, String reason) throws IOException {
        long record = rootIsRecord ? ++recordIndex : 0;
        Position at = new Position(record, scan.line(), scan.column());
        scan.startCapture(MAX_PROBLEM_TEXT);
        Outcome outcome = markDepth == 0 ? scan.skipValue(errorLine) : scan.skipUntilDepth(0, errorLine);
        handler.problem(at, reason, scan.endCapture());
        return switch (outcome) {
            case CLOSED, CUT_SHORT -> resumeAt(scan, Optional.empty());
            case LINE_ENDED -> nextLine(scan, at.line(), Optional.empty());
            case INPUT_ENDED -> Optional.empty();
        };
    }

    /**
     * A damaged record of a records array: reported alone, and reading goes on with the next record.
     * The record ends where its brackets close, where the next record visibly starts, or with its
     * line when the next line starts with a value: the next record of a top-level array, else the
     * next page.
     */
    private Optional<Resume> inRecord(JsonScanner scan, long errorLine, String reason) throws IOException {
        Position at = new Position(recordIndex, scan.line(), scan.column());
        List<byte[]> firstKeys = new ArrayList<>();
        NextRecordStart.firstKey(raw.retainedFrom(scan.offset(), 4096)).ifPresent(firstKeys::add);
        records.firstKey.ifPresent(firstKeys::add);
        scan.startCapture(MAX_PROBLEM_TEXT);
        Outcome outcome = scan.skipRecord(new NextRecordStart(firstKeys));
        handler.problem(at, reason, scan.endCapture());
        return switch (outcome) {
            case CLOSED -> betweenRecords(scan, errorLine, Optional.empty());
            case CUT_SHORT -> resumeAt(scan, Optional.of(records));
            case LINE_ENDED -> resumeAt(scan, Optional.of(records).filter(r -> r.topLevel));
            case INPUT_ENDED -> Optional.empty();
        };
    }

    /**
     * Between records: separators and byte order marks are passed over, reading goes on at the next
     * record or the end of the array; text that is no value is reported up to the next separator.
     * An input that ends here is truncated: that is reported once, with where it ends, and no
     * record is repeated.
     */
    private Optional<Resume> betweenRecords(JsonScanner scan, long errorLine, Optional<String> parserReason) throws IOException {
        Records array = records;
        while (true) {
            int b = scan.peek();
            if (b == JsonScanner.END) {
                handler.problem(new Position(0, scan.line(), scan.column()),
                        "truncated: the input ends at line " + scan.line() + ", column " + scan.column() + " inside a records array", "");
                return Optional.empty();
            }
            if (b == '{' || b == '[' || b == ']') {
                return resumeAt(scan, Optional.of(array));
            }
            if (b == '\n' && array.line == scan.line()) {
                // a page per line: its records should have ended on this line, the next line is a page of its own
                Position end = new Position(0, scan.line(), scan.column());
                scan.read();
                handler.problem(end, "truncated or damaged: line " + end.line() + " ends inside the records array that opens on it", "");
                return nextLine(scan, end.line(), Optional.empty());
            }
            if (JsonScanner.isBlank(b) || JsonScanner.isByteOrderMark(b) || b == ',') {
                scan.read();
                continue;
            }
            Position at = new Position(0, scan.line(), scan.column());
            scan.startCapture(MAX_PROBLEM_TEXT);
            Outcome outcome = scan.skipUntil(c -> c == ',' || c == ']' || c == '{' || c == '[', errorLine);
            handler.problem(at, parserReason.orElseGet(() -> "invalid JSON at " + at + ": text between records that is no record"),
                    scan.endCapture());
            if (outcome == Outcome.CLOSED && scan.peek() == ',') {
                scan.read();
            }
            return switch (outcome) {
                case CLOSED, CUT_SHORT -> resumeAt(scan, Optional.of(array));
                case LINE_ENDED -> nextLine(scan, at.line(), Optional.of(array));
                case INPUT_ENDED -> Optional.empty();
            };
        }
    }

    /**
     * The value is too large to go back to its start (see {@link RetainingInputStream#MAX_RETAINED}):
     * what is retained of it is reported, up to the end of the line the error is on, and reading
     * goes on with the next line.
     */
    private Optional<Resume> afterErrorLine(long errorOffset, long errorLine, String reason) throws IOException {
        long record = switch (markPlace) {
            case IN_RECORD -> recordIndex;
            case IN_VALUE -> rootIsRecord ? ++recordIndex : 0;
            case BETWEEN_VALUES, BETWEEN_RECORDS -> 0;
        };
        Position at = position(markLocation, record);
        long from = raw.oldestRetained();
        raw.rewind(from);
        JsonScanner scan = new JsonScanner(raw, from, errorLine, 1, 0);
        scan.startCapture(MAX_PROBLEM_TEXT);
        while (scan.offset() < errorOffset - 1 && scan.read() != JsonScanner.END) {
            // up to the byte the parser failed on; the line it is on ends the damaged text
        }
        boolean more = scan.skipLine();
        handler.problem(at, reason, scan.endCapture());
        Optional<Records> inside = markPlace == Place.IN_RECORD || markPlace == Place.BETWEEN_RECORDS ? Optional.of(records) : Optional.empty();
        return more ? nextLine(scan.offset(), errorLine + 1, at.line(), inside) : Optional.empty();
    }

    private static Optional<Resume> resumeAt(JsonScanner scan, Optional<Records> inside) {
        return Optional.of(new Resume(scan.offset(), scan.line(), scan.column(), inside));
    }

    private static Optional<Resume> nextLine(JsonScanner scan, long damagedLine, Optional<Records> inside) {
        return nextLine(scan.offset(), scan.line(), damagedLine, inside);
    }

    /**
     * The damage broke the structure up to the end of its line, so reading goes on with the next
     * line (which starts at {@code offset}): still inside the records array when that opened on an
     * earlier line than the damage (a pretty-printed page), at the top level otherwise (a page per
     * line, NDJSON).
     */
    private static Optional<Resume> nextLine(long offset, long line, long damagedLine, Optional<Records> inside) {
        return Optional.of(new Resume(offset, line, 1, inside.filter(r -> r.line < damagedLine)));
    }

    /** Jackson's message without its note about the unnamed source. */
    private static String describe(JsonProcessingException error) {
        return error.getOriginalMessage().replaceAll("\\[Source: REDACTED \\([^)]*\\); ", "[");
    }

    private Position position(JsonLocation location, long record) {
        return new Position(record, segment.line(location), segment.column(location));
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

    /** The JSON that leads from the top level into the records array of a body, e.g. {@code {"data":{"list":[}. */
    private static byte[] prefixInto(List<String> recordsPath) {
        StringBuilder json = new StringBuilder();
        for (String name : recordsPath) {
            json.append("{\"").append(JsonStringEncoder.getInstance().quoteAsString(name)).append("\":");
        }
        return json.append('[').toString().getBytes(StandardCharsets.UTF_8);
    }
}
