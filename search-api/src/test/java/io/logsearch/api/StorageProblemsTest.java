package io.logsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import org.junit.jupiter.api.Test;

class StorageProblemsTest {

    private static final String DETAIL = "HTTP 503 (cluster_block_exception: shard [logsearch-events-2024.01.01][0] secret detail)";

    private static StorageException failure(FailureKind kind) {
        return new StorageException(kind, "safe words for " + kind, DETAIL, new IllegalStateException(DETAIL));
    }

    @Test
    void failuresThatMayPassAreAServiceUnavailable() {
        for (FailureKind kind : new FailureKind[] {FailureKind.TRANSIENT, FailureKind.UNAVAILABLE}) {
            ApiProblem problem = StorageProblems.of(failure(kind));
            assertEquals(503, problem.status(), kind.name());
            assertEquals("Elasticsearch unavailable", problem.title());
            assertEquals("safe words for " + kind, problem.detail());
        }
    }

    @Test
    void refusedCredentialsAreAServiceUnavailableThatSaysSo() {
        ApiProblem problem = StorageProblems.of(failure(FailureKind.UNAUTHORIZED));
        assertEquals(503, problem.status());
        assertEquals("Elasticsearch refused the credentials", problem.title());
        assertEquals("safe words for UNAUTHORIZED", problem.detail());
    }

    @Test
    void anyOtherFailureIsAnInternalErrorThatShowsNothingOfTheStoresAnswer() {
        for (FailureKind kind : new FailureKind[] {FailureKind.REJECTED, FailureKind.FATAL}) {
            ApiProblem problem = StorageProblems.of(failure(kind));
            assertEquals(500, problem.status(), kind.name());
            assertEquals("Elasticsearch request failed", problem.title());
            assertFalse(problem.detail().contains("secret") || problem.title().contains("secret"));
        }
    }
}
