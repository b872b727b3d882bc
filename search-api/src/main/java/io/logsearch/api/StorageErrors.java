package io.logsearch.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.List;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Elasticsearch failures into problems a client may see: never Elasticsearch's own error
 * body or a stack trace. The cause is logged on the server.
 */
public final class StorageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);

    private StorageErrors() {
    }

    public static ApiProblem translate(Exception e) {
        if (unreachable(e)) {
            LOG.warn("Elasticsearch unavailable: {}", e.toString());
            return new ApiProblem(503, "Elasticsearch unavailable",
                    "Elasticsearch cannot be reached or is overloaded right now; try again shortly.", List.of());
        }
        LOG.error("Elasticsearch request failed", e);
        return new ApiProblem(500, "Elasticsearch request failed", "Elasticsearch could not complete the request.", List.of());
    }

    private static boolean unreachable(Exception e) {
        if (e instanceof ElasticsearchException es) {
            return isPushBack(es.status());
        }
        if (e instanceof ResponseException response) {
            return isPushBack(response.getResponse().getStatusLine().getStatusCode());
        }
        if (e instanceof TransportException t) {
            return t.statusCode() <= 0 || isPushBack(t.statusCode()) || t.getCause() instanceof IOException;
        }
        return e instanceof IOException;
    }

    /** Too many requests, or a node or a proxy in front of it that cannot answer now. */
    private static boolean isPushBack(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
