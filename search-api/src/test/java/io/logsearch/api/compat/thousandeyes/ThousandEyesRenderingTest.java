package io.logsearch.api.compat.thousandeyes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.api.ApiProblem;
import io.logsearch.mappings.Partitioning;
import io.logsearch.storage.query.TimeRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ThousandEyes facade's query reading and page rendering, without a server or Elasticsearch. */
class ThousandEyesRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.456Z");
    private static final String RECORD = "{\"aid\":\"1234\",\"accountGroupName\":\"Acme\",\"date\":\"2024-04-30T10:00:00Z\","
            + "\"event\":\"User logged in\",\"user\":\"Jane <jane@example.com>\",\"ipAddress\":\"192.0.2.7\"}";

    private static ThousandEyesRequest read(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return ThousandEyesRequest.read(query, NOW);
    }

    private static ObjectNode stored(String original) {
        ObjectNode document = JSON.createObjectNode().put("@timestamp", "2024-04-30T10:00:00Z");
        document.putObject("event").put("original", original);
        return document;
    }

    @Test
    void aWindowReachesBackFromNowAndIsReportedToTheSecond() throws Exception {
        ThousandEyesRequest request = read("window", "012h", "aid", "1234");
        assertEquals(Optional.of(new TimeRange(Instant.parse("2024-05-01T00:00:00.456Z"), Instant.parse("2024-05-01T12:00:00.456Z"))),
                request.range());
        byte[] body = ThousandEyesPage.render(List.of(stored(RECORD)), request, request.range(), "http://h/self", Optional.of("http://h/next"));
        assertEquals(JSON.readTree("{\"auditEvents\":[" + RECORD + "],\"startDate\":\"2024-05-01T00:00:00Z\","
                + "\"endDate\":\"2024-05-01T12:00:00Z\",\"_links\":{\"self\":{\"href\":\"http://h/self\"},"
                + "\"next\":{\"href\":\"http://h/next\"}}}"), JSON.readTree(body));
    }

    @Test
    void onlyTheDatesAskedForAreReportedAndRecordsComeBackByteForByte() throws Exception {
        ThousandEyesRequest request = read("endDate", "2024-04-30T23:00:00Z");
        assertEquals(Optional.of(new TimeRange(Partitioning.EARLIEST, Instant.parse("2024-04-30T23:00:00Z"))), request.range());
        String odd = "{\"date\" : \"2024-04-30T10:00:00Z\",   \"event\":\"Caf\\u00e9 edited\"}";
        String body = new String(ThousandEyesPage.render(List.of(stored(odd)), request, request.range(), "http://h/self", Optional.empty()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"auditEvents\":[" + odd + "],\"endDate\":\"2024-04-30T23:00:00Z\",\"_links\":{\"self\":{\"href\":\"http://h/self\"}}}",
                body);
    }

    @Test
    void givenBoundsAreEchoedWithThePrecisionTheyWereGiven() throws Exception {
        ThousandEyesRequest request = read("startDate", "2024-04-30T10:00:10.5Z", "endDate", "2024-04-30T20:00:00+08:00");
        byte[] body = ThousandEyesPage.render(List.of(), request, request.range(), "http://h/self", Optional.empty());
        assertEquals("2024-04-30T10:00:10.500Z", JSON.readTree(body).path("startDate").asText());
        assertEquals("2024-04-30T12:00:00Z", JSON.readTree(body).path("endDate").asText());
    }

    @Test
    void aDocumentWithoutItsVendorRecordIsLeftOut() throws Exception {
        ThousandEyesRequest request = read();
        ObjectNode foreign = JSON.createObjectNode().put("@timestamp", "2024-04-30T10:00:00Z");
        byte[] body = ThousandEyesPage.render(List.of(foreign, stored(RECORD)), request, Optional.empty(), "http://h/self", Optional.empty());
        assertEquals(1, JSON.readTree(body).path("auditEvents").size());
    }

    @Test
    void everyInvalidParameterIsNamedInOne400() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> read("window", "12y", "startDate", "17/07/2022", "useAllPermittedAids", "yes"));
        assertEquals(List.of("useAllPermittedAids", "startDate", "window"),
                problem.errors().stream().map(ApiProblem.FieldError::field).toList());
        ApiProblem reversed = assertThrows(ApiProblem.class, () -> read("startDate", "2024-04-02T00:00:00Z", "endDate", "2024-04-01T00:00:00Z"));
        assertEquals("endDate must not be before startDate", reversed.errors().get(0).message());
        ApiProblem future = assertThrows(ApiProblem.class, () -> read("startDate", "2024-06-01T00:00:00Z"));
        assertEquals("startDate", future.errors().get(0).field());
        ApiProblem both = assertThrows(ApiProblem.class, () -> read("window", "1h", "startDate", "2024-04-01T00:00:00Z"));
        assertEquals("window cannot be used with startDate or endDate", both.errors().get(0).message());
    }
}
