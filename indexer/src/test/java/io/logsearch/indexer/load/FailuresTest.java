package io.logsearch.indexer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static ElasticsearchException answered(int status, String type) {
        return new ElasticsearchException("es/bulk", ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason("because"))));
    }

    @Test
    void only429AndServerErrorsAreWaitedOut() {
        for (int status : new int[] {429, 500, 502, 503, 504}) {
            assertTrue(Failures.isTransientStatus(status), Integer.toString(status));
        }
        for (int status : new int[] {400, 401, 403, 404, 409, 413}) {
            assertFalse(Failures.isTransientStatus(status), Integer.toString(status));
        }
    }

    @Test
    void noAnswerAtAllIsTransientARefusalIsNot() {
        assertTrue(Failures.isTransient(new ConnectException("Connection refused")));
        assertTrue(Failures.isTransient(answered(500, "node_closed_exception")));
        assertFalse(Failures.isTransient(answered(403, "security_exception")));
        assertFalse(Failures.isTransient(new IllegalStateException("a bug")));
    }

    @Test
    void descriptionsSayWhatElasticsearchAnswered() {
        assertEquals("HTTP 429 (es_rejected_execution_exception: because)", Failures.describe(answered(429, "es_rejected_execution_exception")));
        assertEquals("ConnectException: Connection refused", Failures.describe(new ConnectException("Connection refused")));
        ConnectException refused = new ConnectException("Connection refused");
        assertEquals(refused, Failures.unwrap(new CompletionException(refused)));
    }
}
