package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StorageErrorsTest {

    private static ElasticsearchException answered(int status) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type("internal_type").reason("shard [logsearch-events-2024.01.01][0] secret detail"))));
    }

    @Test
    void pushBackAndUnreachableAreAServiceUnavailable() {
        for (int status : new int[] {429, 502, 503, 504}) {
            ApiProblem problem = StorageErrors.translate(answered(status));
            assertEquals(503, problem.status(), "HTTP " + status);
            assertEquals("Elasticsearch unavailable", problem.title());
        }
        assertEquals(503, StorageErrors.translate(new ConnectException("Connection refused")).status());
    }

    @Test
    void anyOtherFailureIsAnInternalErrorThatShowsNothingOfElasticsearchsAnswer() {
        for (int status : new int[] {400, 500}) {
            ApiProblem problem = StorageErrors.translate(answered(status));
            assertEquals(500, problem.status(), "HTTP " + status);
            assertEquals("Elasticsearch could not complete the request.", problem.detail());
            assertFalse(problem.detail().contains("secret") || problem.title().contains("secret"));
        }
        assertEquals(500, StorageErrors.translate(new IllegalStateException("unexpected")).status());
    }

    @Test
    void aLostConnectionIsUnavailableToo() {
        assertEquals(503, StorageErrors.translate(new IOException("Connection reset by peer")).status());
    }
}
