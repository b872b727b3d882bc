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
}
