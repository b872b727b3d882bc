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
            return new ApiProblem(503, "Search backend unavailable",
                    "Elasticsearch cannot be reached right now; try again shortly.", List.of());
        }
        LOG.error("search failed", e);
        return new ApiProblem(500, "Search failed", "The search could not be completed.", List.of());
    }

    private static boolean unreachable(Exception e) {
        if (e instanceof ElasticsearchException es) {
            return es.status() == 503 || es.status() == 429;
        }
        if (e instanceof ResponseException response) {
            int status = response.getResponse().getStatusLine().getStatusCode();
            return status == 503 || status == 429;
        }
        if (e instanceof TransportException t) {
            return t.statusCode() <= 0 || t.statusCode() == 503 || t.statusCode() == 429 || t.getCause() instanceof IOException;
        }
        return e instanceof IOException;
    }
}
