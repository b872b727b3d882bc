package io.logsearch.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.Sources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damage inside record 2 of a six-record page in each vendor's own shape, written compact and
 * pretty-printed: one problem for that record at its position, every other record read at its own.
 */
class DamagedRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "\"@@DAMAGE@@\"";
    private static final ObjectWriter COMPACT = JSON.writer();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** What replaces the placeholder value of one field of record 2. */
    enum Damage {
        MISSING_VALUE(""),
        STRAY_COMMA("\"x\","),
        UNCLOSED_STRING("\"x"),
        TRUNCATED_NESTED_OBJECT("{\"name\":\"x\",\"detail\":{\"a\":");

        final String text;

        Damage(String text) {
            this.text = text;
        }
    }

    private record Read(List<Position> records, List<Position> problemPositions, List<String> problemTexts, List<String> reasons) {
    }

    static Stream<Arguments> pages() {
        List<Arguments> all = new ArrayList<>();
        for (String source : List.of("thousandeyes", "onehub", "authing", "actionhub")) {
            for (Damage damage : Damage.values()) {
                for (boolean pretty : List.of(false, true)) {
                    all.add(Arguments.of(source, damage, pretty));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} pretty={2}")
    @MethodSource("pages")
    void aDamagedValueCostsOnlyItsRecordAndEveryOtherRecordKeepsItsPosition(String sourceId, Damage damage, boolean pretty)
            throws IOException {
        Source source = Sources.byId(sourceId);
        ObjectWriter writer = pretty ? PRETTY : COMPACT;
        ObjectNode page = sixRecordPage(sourceId, source);
        String reference = writer.writeValueAsString(page) + "\n" + writer.writeValueAsString(page) + "\n";
        String damaged = reference.replaceFirst(PLACEHOLDER, damage.text);
        int delta = damage.text.length() - PLACEHOLDER.length();
        Position damageAt = lineAndColumn(reference, reference.indexOf(PLACEHOLDER));

        Read clean = read(reference, source);
        Read broken = read(damaged, source);

        assertEquals(List.of(), clean.problemPositions(), clean.reasons().toString());
        assertEquals(12, clean.records().size());
        assertEquals(List.of(clean.records().get(1)), broken.problemPositions(), broken.reasons().toString());
        List<Position> expected = new ArrayList<>();
        for (int i = 0; i < clean.records().size(); i++) {
            Position p = clean.records().get(i);
            if (i != 1) {
                boolean shifted = p.line() == damageAt.line() && p.column() > damageAt.column();
                expected.add(new Position(p.record(), p.line(), shifted ? p.column() + delta : p.column()));
            }
        }
        assertEquals(expected, broken.records());
        String text = broken.problemTexts().get(0);
        assertTrue(text.contains(damage.text) && text.endsWith("}"), text);
        assertTrue(broken.reasons().get(0).startsWith("invalid JSON at line " + damageAt.line() + ", column "), broken.reasons().get(0));
    }

    /** The first page of a generated export, holding its first six records, the second one's field given the placeholder value. */
    private static ObjectNode sixRecordPage(String sourceId, Source source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportGenerator.forSource(sourceId).write(new GeneratorSpec(40, 10, 7, Instant.parse("2026-06-01T00:00:00Z")), out);
        List<JsonNode> pages = JSON.readerFor(JsonNode.class).<JsonNode>readValues(out.toByteArray()).readAll();
        List<String> path = source.layout().recordsPath();
        ArrayNode six = JSON.createArrayNode();
        for (JsonNode p : pages) {
            JsonNode items = p;
            for (String name : path) {
                items = items.path(name);
            }
            items.forEach(item -> {
                if (six.size() < 6) {
                    six.add(item.deepCopy());
                }
            });
        }
        ObjectNode page = pages.get(0).deepCopy();
        ObjectNode parent = page;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = (ObjectNode) parent.get(name);
        }
        parent.set(path.get(path.size() - 1), six);
        ObjectNode second = (ObjectNode) six.get(1);
        ObjectNode record = source.layout().itemWrapper().map(w -> (ObjectNode) second.get(w)).orElse(second);
        Iterator<String> names = record.fieldNames();
        names.next();
        record.put(names.next(), "@@DAMAGE@@");
        return page;
    }

    private static Position lineAndColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(0, line, index - lineStart + 1);
    }

    private static Read read(String text, Source source) throws IOException {
        Read found = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        ExportReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source.layout(), SourceContext.EMPTY,
                new ExportReader.Handler() {
                    @Override
                    public void record(SourceRecord record, SourceContext context, Position position) {
                        found.records().add(position);
                    }

                    @Override
                    public void problem(Position position, String reason, String problemText) {
                        found.problemPositions().add(position);
                        found.problemTexts().add(problemText);
                        found.reasons().add(reason);
                    }
                });
        return found;
    }
}
