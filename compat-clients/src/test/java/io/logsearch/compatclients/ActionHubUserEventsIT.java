package io.logsearch.compatclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.compatclients.ActionHubHistories.Enrollment;
import io.logsearch.compatclients.actionhub.api.DefaultApi;
import io.logsearch.compatclients.actionhub.client.ApiClient;
import io.logsearch.compatclients.actionhub.client.ApiException;
import io.logsearch.compatclients.actionhub.model.ErrorMessage;
import io.logsearch.compatclients.actionhub.model.HTTPValidationError;
import io.logsearch.compatclients.actionhub.model.LocationInner;
import io.logsearch.compatclients.actionhub.model.UserRawHistoryAction;
import io.logsearch.compatclients.actionhub.model.ValidationError;
import io.logsearch.indexer.load.LoadSummary;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /compat/actionhub/users/{user_id}/events} driven through the Java client generated from
 * ActionHub's API reference (src/test/resources/openapi/actionhub.yaml): histories come back as they
 * were loaded, newest first, and the errors read into ActionHub's (FastAPI's) error models.
 */
@ExtendWith(RealElasticsearch.class)
class ActionHubUserEventsIT {

    /** More than the facade's first page of 1000, so that the rest of the history is streamed after it. */
    private static final Enrollment ANA_IN_SAFETY = new Enrollment("u-1001", "prog-safety");
    private static final Enrollment ANA_IN_ONBOARDING = new Enrollment("u-1001", "prog-onboarding");
    private static final Enrollment BO_IN_SAFETY = new Enrollment("u-2002", "prog-safety");
    /** A user id as some programs have them: an e-mail address, with characters that need escaping in a path. */
    private static final Enrollment DEE_IN_ONBOARDING = new Enrollment("dee.o'neil+hr@example.com", "prog-onboarding");
    /** A history whose events come in pairs within one millisecond, told apart by their microseconds. */
    private static final Enrollment CY_IN_ONBOARDING = new Enrollment("u-3003", "prog-onboarding");

    /**
     * The generated client's mapper, but refusing members the vendor's schemas do not have: a facade
     * that added or misspelt a member fails here instead of being ignored.
     */
    private static final ObjectMapper MAPPER =
            ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static ActionHubHistories histories;
    private static CompatServer server;

    @BeforeAll
    static void start(TestElasticsearch es) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        histories = new ActionHubHistories()
                .add(ANA_IN_SAFETY, 1_150, now, 1, false)
                .add(ANA_IN_ONBOARDING, 40, now.minus(Duration.ofDays(3)), 2, false)
                .add(BO_IN_SAFETY, 60, now, 3, false)
                .add(DEE_IN_ONBOARDING, 12, now, 5, false)
                .add(CY_IN_ONBOARDING, 40, now, 4, true);
        server = CompatServer.start(es, Optional.empty());
        LoadSummary loaded = server.load("actionhub", SourceContext.EMPTY, histories.export());
        assertEquals(histories.size(), loaded.indexed(), loaded.line());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static String basePath() {
        return server.base() + "/compat/actionhub";
    }

    /** The generated client at the facade's base URL, reading responses with {@link #MAPPER}. */
    private static DefaultApi client() {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), MAPPER, basePath());
        client.setReadTimeout(Duration.ofSeconds(30));
        return new DefaultApi(client);
    }

    /**
     * The history is exactly the loaded one, in the same (newest first) order. Both sides are compared
     * as the generated client sees them: each loaded record is read into the generated
     * {@link UserRawHistoryAction} by the same mapper, then both are compared as JSON trees.
     */
    private static void assertHistory(Enrollment enrollment, List<UserRawHistoryAction> actual, ObjectMapper mapper) {
        List<ObjectNode> loaded = histories.history(enrollment);
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i).getTimestamp().isAfter(actual.get(i - 1).getTimestamp())) {
                fail(enrollment + ": not newest first at position " + i + ": " + actual.get(i - 1).getTimestamp()
                        + " then " + actual.get(i).getTimestamp());
            }
        }
        assertEquals(loaded.size(), actual.size(), enrollment + ": number of records");
        for (int i = 0; i < loaded.size(); i++) {
            JsonNode expected = mapper.valueToTree(mapper.convertValue(loaded.get(i), UserRawHistoryAction.class));
            JsonNode got = mapper.valueToTree(actual.get(i));
            assertEquals(expected, got, enrollment + ": record " + i);
        }
    }

    @Test
    void eachUsersHistoryInEachProgramComesBackAsLoadedNewestFirst() throws ApiException {
        DefaultApi api = client();
        for (Enrollment enrollment : List.of(ANA_IN_SAFETY, ANA_IN_ONBOARDING, BO_IN_SAFETY, DEE_IN_ONBOARDING)) {
            List<UserRawHistoryAction> history = api.getUserEventsLog(enrollment.userId(), enrollment.programId()).getHistory();
            assertHistory(enrollment, history, MAPPER);
        }
    }

    /**
     * ActionHub timestamps have microseconds, and a history is newest first at that precision (the
     * export loaded here is in that order). Events of one millisecond must not come back in another
     * order: a facade that sorts on a millisecond {@code @timestamp} and breaks ties by some other
     * key fails here.
     */
    @Test
    void eventsWithinOneMillisecondAreStillNewestFirst() throws ApiException {
        DefaultApi api = client();
        List<UserRawHistoryAction> history = api.getUserEventsLog(CY_IN_ONBOARDING.userId(), CY_IN_ONBOARDING.programId()).getHistory();
        assertHistory(CY_IN_ONBOARDING, history, MAPPER);
    }

    @Test
    void aUserWithoutHistoryInThatProgramIs404() throws IOException {
        DefaultApi api = client();
        for (Enrollment unknown : List.of(new Enrollment(BO_IN_SAFETY.userId(), ANA_IN_ONBOARDING.programId()),
                new Enrollment("u-9999", ANA_IN_SAFETY.programId()), new Enrollment(ANA_IN_SAFETY.userId(), "prog-unknown"),
                // an empty program-id is a value (FastAPI's str accepts ""), and no history is in that program
                new Enrollment(ANA_IN_SAFETY.userId(), ""))) {
            ApiException e = assertThrows(ApiException.class, () -> api.getUserEventsLog(unknown.userId(), unknown.programId()));
            assertEquals(404, e.getCode(), unknown + ": " + e.getMessage());
            ErrorMessage error = MAPPER.readValue(e.getResponseBody(), ErrorMessage.class);
            assertFalse(error.getDetail() == null || error.getDetail().isBlank(), unknown + ": detail in " + e.getResponseBody());
        }
    }

    @Test
    void withoutTheProgramIdHeaderIs422ValidationError() throws IOException, InterruptedException {
        // The generated client refuses to send a request without a required header: it throws before
        // any request is made (no response headers). So this one request goes out through
        // java.net.http, and its body is read with the generated model and the generated mapper.
        ApiException refused = assertThrows(ApiException.class, () -> client().getUserEventsLog(ANA_IN_SAFETY.userId(), null));
        assertNull(refused.getResponseHeaders(), "the generated client sent the request after all");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(basePath() + "/users/" + ANA_IN_SAFETY.userId() + "/events"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().firstValue("Content-Type").orElse("no Content-Type"));

        // the generated mapper as generated (lenient): FastAPI's validation errors also carry members
        // the vendor's schema does not list, such as "input"
        HTTPValidationError error = ApiClient.createDefaultObjectMapper().readValue(response.body(), HTTPValidationError.class);
        assertEquals(1, error.getDetail().size(), response.body());
        ValidationError missing = error.getDetail().get(0);
        assertEquals(List.of("header", "program-id"), missing.getLoc().stream().map(LocationInner::getActualInstance).toList(),
                response.body());
        assertEquals("missing", missing.getType(), response.body());
        assertFalse(missing.getMsg() == null || missing.getMsg().isBlank(), response.body());
    }
}
