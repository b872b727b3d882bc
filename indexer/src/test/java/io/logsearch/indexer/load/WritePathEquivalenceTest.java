package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.ecs.CanonicalJson;
import io.logsearch.indexer.ecs.DocumentBytes;
import io.logsearch.indexer.ecs.EventIds;
import io.logsearch.indexer.read.ExportReader;
import io.logsearch.indexer.read.Position;
import io.logsearch.indexer.sources.NormalizedEvent;
import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.indexer.sources.SourceRecord;
import io.logsearch.indexer.sources.Sources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The write path reuses one generator per writer (documents) and per thread (content hashes). On
 * generated data of every source, interleaved, it writes exactly the bytes and computes exactly the
 * ids of the earlier path, which made a generator for each document and each record.
 */
class WritePathEquivalenceTest {

    private static final ObjectMapper DATA_BINDING = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int EVENTS = 400;

    private record Read(Source source, SourceRecord record, SourceContext context, NormalizedEvent event) {
    }

    @Test
    void documentsAndContentIdsOfEverySourceAreThoseOfTheEarlierPath() throws IOException {
        List<List<Read>> perSource = new ArrayList<>();
        for (String id : ExportGenerator.SOURCE_IDS) {
            perSource.add(read(Sources.byId(id), id));
        }
        DocumentBytes documents = new DocumentBytes();
        int compared = 0;
        for (int i = 0; i < EVENTS; i++) {
            for (List<Read> reads : perSource) {
                Read read = reads.get(i);
                JsonNode document = read.event().document();
                byte[] written = documents.of(document);
                assertArrayEquals(earlierDocumentBytes(document), written, read.source().id() + " event " + i);
                assertArrayEquals(DATA_BINDING.writeValueAsBytes(document), written, read.source().id() + " event " + i);
                String id = EventIds.contentId(read.source().id(), read.context(), read.record().fields());
                assertEquals(earlierContentId(read.source().id(), read.context(), read.record().fields()), id,
                        read.source().id() + " record " + i);
                compared++;
            }
        }
        assertEquals(EVENTS * ExportGenerator.SOURCE_IDS.size(), compared);
    }

    @Test
    void aLargeDocumentAfterSmallOnesIsWrittenWhole() throws IOException {
        DocumentBytes documents = new DocumentBytes();
        JsonNode small = DATA_BINDING.readTree("{\"a\":1}");
        JsonNode large = DATA_BINDING.createObjectNode().put("message", "é\"x".repeat(20_000));
        assertArrayEquals(DATA_BINDING.writeValueAsBytes(small), documents.of(small));
        assertArrayEquals(DATA_BINDING.writeValueAsBytes(large), documents.of(large));
        assertArrayEquals(DATA_BINDING.writeValueAsBytes(small), documents.of(small));
    }

    private static List<Read> read(Source source, String id) throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ExportGenerator.forSource(id).write(GeneratorSpec.of(EVENTS, 30, 14), export);
        List<Read> reads = new ArrayList<>();
        ExportReader.read(new ByteArrayInputStream(export.toByteArray()), source.layout(), SourceContext.EMPTY, new ExportReader.Handler() {
            @Override
            public void record(SourceRecord record, SourceContext context, Position position) {
                SourceContext own = context.only(source.layout().contextFields().values());
                reads.add(new Read(source, record, own, source.normalize(record, own)));
            }

            @Override
            public void problem(Position position, String reason, String text) {
                throw new AssertionError(id + " generated damaged input at " + position + ": " + reason);
            }
        });
        assertEquals(EVENTS, reads.size(), id);
        return reads;
    }

    /** A generator per document, as CanonicalJson.bytes made it. */
    private static byte[] earlierDocumentBytes(JsonNode document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            DATA_BINDING.writeTree(generator, document);
        }
        return bytes.toByteArray();
    }

    /** A generator per record, closed after it, as EventIds made it. */
    private static String earlierContentId(String sourceId, SourceContext context, JsonNode record) throws IOException {
        MessageDigest sha = sha256();
        update(sha, sourceId);
        new TreeMap<>(context.values()).forEach((k, v) -> {
            update(sha, k);
            update(sha, v);
        });
        try (JsonGenerator generator = CanonicalJson.canonicalGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
            CanonicalJson.writeCanonical(record, generator);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
