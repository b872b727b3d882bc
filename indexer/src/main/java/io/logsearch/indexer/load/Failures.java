package io.logsearch.indexer.load;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;

/**
 * Which Elasticsearch failures are worth waiting out, and how to say what Elasticsearch answered.
 * Transient: HTTP 429 and every 5xx, and requests that got no answer at all (refused or lost
 * connections, timeouts). Anything else (401, 403, 400, 413, ...) will not get better by retrying.
 */
final class Failures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {
    }

    static boolean isTransientStatus(int status) {
        return status == 429 || status >= 500;
    }

    static boolean isTransient(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return isTransientStatus(es.status());
        }
        if (error instanceof TransportException transport) {
            return transport.statusCode() <= 0 || isTransientStatus(transport.statusCode());
        }
        if (error instanceof ResponseException response) {
            return isTransientStatus(response.getResponse().getStatusLine().getStatusCode());
        }
        return error instanceof IOException || error.getCause() instanceof IOException;
    }

    /** The failure itself, not the {@link CompletionException} a future wrapped it in. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** What Elasticsearch answered, e.g. {@code HTTP 503 (cluster_block_exception: ...)} or {@code ConnectException: Connection refused}. */
    static String describe(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return "HTTP " + es.status() + " (" + describe(es.error()) + ")";
        }
        if (error instanceof TransportException transport && transport.statusCode() > 0) {
            return "HTTP " + transport.statusCode() + " (" + transport.getMessage() + ")";
        }
        if (error instanceof ResponseException response) {
            // the low-level client's answer to 502/503/504, which it does not hand on as an ElasticsearchException
            return "HTTP " + response.getResponse().getStatusLine().getStatusCode() + " (" + errorIn(response.getResponse()) + ")";
        }
        String message = error.getMessage() == null ? "no answer" : error.getMessage();
        return error.getClass().getSimpleName() + ": " + message
                + (error.getCause() == null || error.getCause() == error ? "" : " (" + describe(error.getCause()) + ")");
    }

    /** {@code type: reason} of an Elasticsearch error body, or the start of whatever else the body holds. */
    private static String errorIn(Response response) {
        String body;
        try {
            body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return response.getStatusLine().toString();
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.has("type")) {
                return error.path("type").asText() + ": " + error.path("reason").asText();
            }
        } catch (JsonProcessingException e) {
            // not Elasticsearch's JSON (a proxy's page, say): the text itself is the answer
        }
        return body.isBlank() ? response.getStatusLine().toString() : body.substring(0, Math.min(body.length(), 200)).strip();
    }

    static String describe(ErrorCause error) {
        String reason = error.type() + ": " + error.reason();
        return error.causedBy() == null ? reason : reason + " (caused by " + describe(error.causedBy()) + ")";
    }

    /** The cluster for messages: {@code Elasticsearch at <url>} when the client talks to known nodes. */
    static String clusterName(ElasticsearchClient client) {
        if (client._transport() instanceof RestClientTransport rest) {
            return "Elasticsearch at " + rest.restClient().getNodes().stream().map(n -> n.getHost().toURI()).collect(Collectors.joining(", "));
        }
        return "Elasticsearch";
    }
}
