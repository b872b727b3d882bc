package io.logsearch.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static ElasticsearchException answered(int status, String type) {
        return new ElasticsearchException("es/bulk", ErrorResponse.of(e -> e.status(status)
                .error(c -> c.type(type).reason("shard [logsearch-events-2024.01.01][0] secret detail"))));
    }

    @Test
    void statusesHaveOneKindEach() {
        for (int status : new int[] {502, 503, 504}) {
            assertEquals(FailureKind.UNAVAILABLE, Failures.kindOf(status), Integer.toString(status));
        }
        for (int status : new int[] {429, 500, 501, 507}) {
            assertEquals(FailureKind.TRANSIENT, Failures.kindOf(status), Integer.toString(status));
        }
        for (int status : new int[] {400, 403, 404, 409, 413}) {
            assertEquals(FailureKind.REJECTED, Failures.kindOf(status), Integer.toString(status));
        }
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(401));
        assertEquals(FailureKind.FATAL, Failures.kindOf(200));
    }

    @Test
    void noAnswerAtAllIsUnavailableABugIsFatal() {
        assertEquals(FailureKind.UNAVAILABLE, Failures.kindOf(new ConnectException("Connection refused")));
        assertEquals(FailureKind.UNAVAILABLE, Failures.kindOf(new IOException("Connection reset by peer")));
        assertEquals(FailureKind.UNAVAILABLE, Failures.kindOf(new CompletionException(new ConnectException("Connection refused"))));
        assertEquals(FailureKind.TRANSIENT, Failures.kindOf(answered(500, "node_closed_exception")));
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(answered(403, "security_exception")));
        assertEquals(FailureKind.FATAL, Failures.kindOf(new IllegalStateException("a bug")));
    }

    @Test
    void refusedCredentialsAndMissingPrivilegesAreUnauthorizedAnIndexBlockIsNot() {
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(answered(401, "security_exception")));
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(new CompletionException(answered(401, "security_exception"))));
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(401, ""));
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(403, "security_exception"));
        assertEquals(FailureKind.REJECTED, Failures.kindOf(answered(403, "cluster_block_exception")));
        assertEquals(FailureKind.REJECTED, Failures.kindOf(403, ""));
        assertEquals(FailureKind.UNAUTHORIZED, Failures.kindOf(item(403, "security_exception")));
        assertEquals(FailureKind.REJECTED, Failures.kindOf(item(403, "cluster_block_exception")));
        assertEquals(FailureKind.REJECTED, Failures.kindOf(item(409, "version_conflict_engine_exception")));
        assertEquals(FailureKind.FATAL, Failures.kindOf(BulkResponseItem.of(i -> i.operationType(OperationType.Create).index("logs").status(201))));
        assertFalse(FailureKind.UNAUTHORIZED.mayPass());
    }

    @Test
    void refusedCredentialsAreToldByTheVariablesToCheckNeverByTheirValuesOrElasticsearchsText() {
        StorageException failure = Failures.toStorage(answered(401, "security_exception"));
        assertEquals(FailureKind.UNAUTHORIZED, failure.kind());
        assertEquals("Elasticsearch refused logsearch's credentials or their privileges; "
                + "the operator must check ES_USERNAME and ES_PASSWORD, or ES_API_KEY.", failure.safeMessage());
        assertEquals("HTTP 401 (security_exception: shard [logsearch-events-2024.01.01][0] secret detail)", failure.detail());
        assertFalse(failure.safeMessage().contains("security_exception"));
    }

    private static BulkResponseItem item(int status, String type) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Create).index("logs").status(status)
                .error(e -> e.type(type).reason("secret detail")));
    }

    @Test
    void descriptionsSayWhatElasticsearchAnsweredTheSafeMessageDoesNot() {
        assertEquals("HTTP 429 (es_rejected_execution_exception: shard [logsearch-events-2024.01.01][0] secret detail)",
                Failures.describe(answered(429, "es_rejected_execution_exception")));
        assertEquals("ConnectException: Connection refused", Failures.describe(new ConnectException("Connection refused")));
        StorageException failure = Failures.toStorage(answered(400, "search_phase_execution_exception"));
        assertEquals(FailureKind.REJECTED, failure.kind());
        assertEquals("Elasticsearch could not complete the request.", failure.safeMessage());
        assertEquals("HTTP 400 (search_phase_execution_exception: shard [logsearch-events-2024.01.01][0] secret detail)", failure.detail());
        for (FailureKind kind : FailureKind.values()) {
            assertFalse(Failures.safeMessage(kind).contains("secret"), kind.name());
        }
    }

    @Test
    void aFutureIsUnwrappedAndAStorageFailureKeptAsItIs() {
        ConnectException refused = new ConnectException("Connection refused");
        assertSame(refused, Failures.unwrap(new CompletionException(refused)));
        StorageException storage = Failures.toStorage(refused);
        assertSame(storage, Failures.toStorage(new CompletionException(storage)));
        assertSame(refused, storage.getCause());
    }
}
