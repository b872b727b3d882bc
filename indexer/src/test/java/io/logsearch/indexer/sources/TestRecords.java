package io.logsearch.indexer.sources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Source records made in tests, and JSON parsed the way the export reader parses it. */
public final class TestRecords {

    /** Numbers keep their exact written value, as in {@code ExportReader}. */
    public static final ObjectMapper EXACT = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TestRecords() {
    }

    /** A record made in code: {@code event.original} is its fields written back as compact JSON. */
    public static SourceRecord withoutText(ObjectNode fields) {
        return new SourceRecord(fields, Optional.empty());
    }
}
