package io.logsearch.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
