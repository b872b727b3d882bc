package io.logsearch.indexer.ecs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.RejectedRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Instant parse(String json) throws Exception {
        return Timestamps.parse((ObjectNode) JSON.readTree("{\"t\":" + json + "}"), "t");
    }

    @Test
    void isoUtcWithOffsetWithoutOffsetAndFractions() throws Exception {
        assertEquals(Instant.parse("2020-07-17T22:00:54Z"), parse("\"2020-07-17T22:00:54Z\""));
        assertEquals(Instant.parse("2016-01-18T19:16:53Z"), parse("\"2016-01-18T11:16:53-08:00\""));
        assertEquals(Instant.parse("2024-02-29T12:00:00Z"), parse("\"2024-02-29T12:00:00\""));
        assertEquals(Instant.parse("2024-02-29T12:00:00.123Z"), parse("\"2024-02-29T12:00:00.123Z\""));
    }

    @Test
    void epochMillisecondsAsNumberOrString() throws Exception {
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), parse("1700000000123"));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), parse("\"1700000000123\""));
    }

    @Test
    void offsetsWithoutColonAndASpaceSeparatorAreRead() throws Exception {
        assertEquals(Instant.parse("2016-01-18T19:16:53Z"), parse("\"2016-01-18T11:16:53-0800\""));
        assertEquals(Instant.parse("2016-01-18T19:16:53Z"), parse("\"2016-01-18 11:16:53 -0800\""));
        assertEquals(Instant.parse("2016-01-18T03:16:53Z"), parse("\"2016-01-18 11:16:53+08\""));
        assertEquals(Instant.parse("2016-01-18T11:16:53.5Z"), parse("\"2016-01-18 11:16:53.5\""));
        assertEquals(Instant.parse("2016-01-18T11:16:53Z"), parse("\"2016-01-18t11:16:53z\""));
    }

    @Test
    void shortDigitStringsAreAmbiguousNotSilentlyNineteenSeventy() {
        for (String bad : new String[] {"\"2020\"", "\"20200101\"", "\"0\""}) {
            RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        }
        assertEquals(Instant.ofEpochMilli(1_000_000_000L), assertDoesNotThrow(() -> parse("\"1000000000\"")));
    }

    @Test
    void impossibleDatesAreRejectedNamingTheField() {
        for (String bad : new String[] {"\"2024-13-01T00:00:00Z\"", "\"2023-02-29T00:00:00Z\"", "\"2024-01-01T24:00:00Z\"",
                "\"yesterday\"", "\"\"", "true", "{}", "1.5", "\"2024-01-01T12:00:00+25:00\"", "\"2024-01-01T12:00:00 PST\"",
                "\"2024-01-0112:00:00Z\"", "\"2024-01-01T 12:00:00Z\"", "\"2024-01-01  12:00:00Z\""}) {
            RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage().contains("'t'"), e.getMessage());
        }
    }

    @Test
    void missingOrNullIsRejected() {
        assertThrows(RejectedRecordException.class, () -> parse("null"));
        assertThrows(RejectedRecordException.class, () -> Timestamps.parse(JSON.createObjectNode(), "t"));
    }
}
