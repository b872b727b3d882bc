package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.storage.query.TimeRange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportHandlerTest {

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain text", ExportHandler.csvField("plain text"));
        assertEquals("", ExportHandler.csvField(""));
        assertEquals("\"a,b\"", ExportHandler.csvField("a,b"));
        assertEquals("\"He said \"\"hi\"\"\"", ExportHandler.csvField("He said \"hi\""));
        assertEquals("\"two\nlines\"", ExportHandler.csvField("two\nlines"));
        assertEquals("\"cr\rhere\"", ExportHandler.csvField("cr\rhere"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertEquals("'=1+2", ExportHandler.csvField("=1+2"));
        assertEquals("'+1", ExportHandler.csvField("+1"));
        assertEquals("'-2", ExportHandler.csvField("-2"));
        assertEquals("'@SUM(A1)", ExportHandler.csvField("@SUM(A1)"));
        assertEquals("'\tx", ExportHandler.csvField("\tx"));
        assertEquals("\"'\rx\"", ExportHandler.csvField("\rx"), "defused, then quoted for its line break");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ExportHandler.csvField("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("a=b", ExportHandler.csvField("a=b"), "only the first character counts");
        assertEquals("2001:db8::1", ExportHandler.csvField("2001:db8::1"));
    }

    @Test
    void theDownloadIsNamedAfterTheBaseAndTheRange() {
        TimeRange november = new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals("logsearch-events_2026-11-01T00-00-00Z_2026-12-01T00-00-00Z.csv",
                ExportHandler.filename("logsearch-events", Optional.of(november), "csv"));
        TimeRange instant = new TimeRange(Instant.parse("2026-11-01T10:15:30.250Z"), Instant.parse("2026-11-01T23:59:59.999Z"));
        assertEquals("audit.eu_2026-11-01T10-15-30.250Z_2026-11-01T23-59-59.999Z.ndjson",
                ExportHandler.filename("audit.eu", Optional.of(instant), "ndjson"));
        assertEquals("logsearch-events.csv", ExportHandler.filename("logsearch-events", Optional.empty(), "csv"), "no range, no bounds");
    }
}
