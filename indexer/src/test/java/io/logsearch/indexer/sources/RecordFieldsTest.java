package io.logsearch.indexer.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A ThousandEyes audit event with its account group id as a number and padded names. */
    private static final JsonNode THOUSANDEYES = parse("""
            {"accountGroupName": "  Acme Corp\\t", "aid": 1234, "date": "2025-05-01T10:00:00Z",
             "event": " Login successful. ", "ipAddress": "203.0.113.7", "uid": "  ", "user": null}""");

    /** An Authing user action log whose fields are of every JSON kind. */
    private static final JsonNode AUTHING = parse("""
            {"userId": 42, "appId": 1.5, "success": true, "appName": "", "eventType": {"name": "login"},
             "geoip": {"city_name": "Berlin"}, "requestId": [1], "userLoginsCount": 12345678901234567890}""");

    @ParameterizedTest
    @CsvSource({
        "accountGroupName, Acme Corp",
        "aid, 1234",
        "event, Login successful.",
        "ipAddress, 203.0.113.7"})
    void stringsAreStrippedAndIntegersAreTheirDigits(String field, String text) {
        assertEquals(Optional.of(text), RecordFields.text(THOUSANDEYES, field));
    }

    @Test
    void integersOfAnySizeAreText() {
        assertEquals(Optional.of("42"), RecordFields.text(AUTHING, "userId"));
        assertEquals(Optional.of("12345678901234567890"), RecordFields.text(AUTHING, "userLoginsCount"));
    }

    @ParameterizedTest
    @CsvSource({"uid", "user", "resources"})
    void blankNullAndAbsentAreNoValue(String field) {
        assertEquals(Optional.empty(), RecordFields.text(THOUSANDEYES, field));
    }

    @ParameterizedTest
    @CsvSource({"appId", "success", "appName", "eventType", "geoip", "requestId"})
    void fractionsBooleansObjectsAndArraysAreNotText(String field) {
        assertEquals(Optional.empty(), RecordFields.text(AUTHING, field));
    }

    @Test
    void requiredTextIsTheStrippedText() {
        assertEquals("Login successful.", RecordFields.requiredText(THOUSANDEYES, "event"));
        assertEquals("1234", RecordFields.requiredText(THOUSANDEYES, "aid"));
    }

    @ParameterizedTest
    @CsvSource({"uid", "user", "resources"})
    void aRequiredFieldThatIsBlankNullOrAbsentIsMissing(String field) {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> RecordFields.requiredText(THOUSANDEYES, field));
        assertEquals("missing '" + field + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"appId", "success", "eventType", "geoip", "requestId"})
    void aRequiredFieldOfAnotherKindIsNotText(String field) {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> RecordFields.requiredText(AUTHING, field));
        assertEquals("'" + field + "' is not text", e.getMessage());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
