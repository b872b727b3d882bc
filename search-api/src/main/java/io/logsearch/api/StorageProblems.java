package io.logsearch.api;

import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import java.util.List;

/**
 * The problem a storage failure is answered with: 503 while the store cannot be reached, pushes
 * back or refuses the server's credentials (the server cannot answer until an operator fixes them;
 * the client's request is not at fault), 500 otherwise. Only the failure's safe message reaches the
 * client, never the store's own answer.
 */
public final class StorageProblems {

    private StorageProblems() {
    }

    public static ApiProblem of(StorageException failure) {
        if (failure.kind() == FailureKind.UNAUTHORIZED) {
            return new ApiProblem(503, "Elasticsearch refused the credentials", failure.safeMessage(), List.of());
        }
        if (failure.kind().mayPass()) {
            return new ApiProblem(503, "Elasticsearch unavailable", failure.safeMessage(), List.of());
        }
        return new ApiProblem(500, "Elasticsearch request failed", failure.safeMessage(), List.of());
    }
}
