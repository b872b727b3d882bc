package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.logsearch.storage.FailureKind;
import io.logsearch.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;

/**
 * The one classification of Elasticsearch failures. By the HTTP status Elasticsearch (or a proxy in
 * front of it) answered: 502, 503 and 504 are {@link FailureKind#UNAVAILABLE}, as is no answer at
 * all (refused or lost connections, timeouts); 429 and every other 5xx are
 * {@link FailureKind#TRANSIENT}; 401, and 403 with a {@code security_exception} (privileges the
 * credentials lack), are {@link FailureKind#UNAUTHORIZED}; any other 4xx (a 403 for an index's
 * write block, say) is {@link FailureKind#REJECTED}. Everything else is
 * {@link FailureKind#FATAL}. Descriptions of what Elasticsearch answered are for logs and operators;
 * the safe messages never hold Elasticsearch's own text.
 */
public final class Failures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECURITY_EXCEPTION = "security_exception";

    private Failures() {
    }

    /** The kind of an HTTP status Elasticsearch answered with, the type of its error unknown. */
    public static FailureKind kindOf(int status) {
        return kindOf(status, "");
    }

    /** The kind of an HTTP status Elasticsearch answered with, and the type of its error (empty when unknown). */
    public static FailureKind kindOf(int status, String errorType) {
        if (status == 502 || status == 503 || status == 504) {
            return FailureKind.UNAVAILABLE;
        }
        if (status == 429 || status >= 500) {
            return FailureKind.TRANSIENT;
        }
        if (status == 401 || status == 403 && SECURITY_EXCEPTION.equals(errorType)) {
            return FailureKind.UNAUTHORIZED;
        }
        return status >= 400 ? FailureKind.REJECTED : FailureKind.FATAL;
    }

    /** The kind of one operation's answer in a bulk response. */
    static FailureKind kindOf(BulkResponseItem item) {
        return kindOf(item.status(), item.error() == null ? "" : item.error().type());
    }

    public static FailureKind kindOf(Throwable error) {
        Throwable failure = unwrap(error);
        OptionalInt status = status(failure);
        if (status.isPresent()) {
            return kindOf(status.getAsInt(), errorType(failure));
        }
        if (failure instanceof StorageException storage) {
            return storage.kind();
        }
        return failure instanceof IOException || failure.getCause() instanceof IOException ? FailureKind.UNAVAILABLE : FailureKind.FATAL;
    }

    /** The HTTP status Elasticsearch or a proxy answered with, empty when there was no answer. */
    public static OptionalInt status(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return OptionalInt.of(es.status());
        }
        if (error instanceof TransportException transport && transport.statusCode() > 0) {
            return OptionalInt.of(transport.statusCode());
        }
        if (error instanceof ResponseException response) {
            return OptionalInt.of(response.getResponse().getStatusLine().getStatusCode());
        }
        return OptionalInt.empty();
    }

    /** The type of the error Elasticsearch answered with, empty when there was none or no answer of its shape. */
    private static String errorType(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return es.error().type();
        }
        if (error instanceof ResponseException response) {
            return errorIn(body(response.getResponse())).path("type").asText();
        }
        return "";
    }

    /**
     * {@code error} as a {@link StorageException} of its kind, its detail what Elasticsearch
     * answered; a {@link StorageException} stays as it is.
     */
    public static StorageException toStorage(Throwable error) {
        Throwable failure = unwrap(error);
        if (failure instanceof StorageException storage) {
            return storage;
        }
        FailureKind kind = kindOf(failure);
        return new StorageException(kind, safeMessage(kind), describe(failure), failure);
    }

    /** What a client may be told about a failure of {@code kind}: nothing of Elasticsearch's own answer. */
    public static String safeMessage(FailureKind kind) {
        return switch (kind) {
            case TRANSIENT, UNAVAILABLE -> "Elasticsearch cannot be reached or is overloaded right now; try again shortly.";
            case UNAUTHORIZED -> "Elasticsearch refused logsearch's credentials or their privileges; "
                    + "the operator must check ES_USERNAME and ES_PASSWORD, or ES_API_KEY.";
            case REJECTED, FATAL -> "Elasticsearch could not complete the request.";
        };
    }

    /** One request to Elasticsearch. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /** The answer of {@code call}, or its failure as a {@link StorageException} (see {@link #toStorage}). */
    static <T> T attempt(Call<T> call) {
        try {
            return call.run();
        } catch (IOException | RuntimeException e) {
            throw toStorage(e);
        }
    }

    /** The failure itself, not the {@link CompletionException} a future wrapped it in. */
    public static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** What Elasticsearch answered, e.g. {@code HTTP 503 (cluster_block_exception: ...)} or {@code ConnectException: Connection refused}. */
    public static String describe(Throwable error) {
        if (error instanceof ElasticsearchException es) {
            return "HTTP " + es.status() + " (" + describe(es.error()) + ")";
        }
        if (error instanceof TransportException transport && transport.statusCode() > 0) {
            return "HTTP " + transport.statusCode() + " (" + transport.getMessage() + ")";
        }
        if (error instanceof ResponseException response) {
            // the low-level client's answer to 502/503/504, which it does not hand on as an ElasticsearchException
            return "HTTP " + response.getResponse().getStatusLine().getStatusCode() + " (" + answerOf(response.getResponse()) + ")";
        }
        if (error instanceof StorageException storage) {
            return storage.detail();
        }
        String message = error.getMessage() == null ? "no answer" : error.getMessage();
        return error.getClass().getSimpleName() + ": " + message
                + (error.getCause() == null || error.getCause() == error ? "" : " (" + describe(error.getCause()) + ")");
    }

    /** {@code type: reason} of an Elasticsearch error body, or the start of whatever else the body holds. */
    private static String answerOf(Response response) {
        String body = body(response);
        JsonNode error = errorIn(body);
        if (error.has("type")) {
            return error.path("type").asText() + ": " + error.path("reason").asText();
        }
        return body.isBlank() ? response.getStatusLine().toString() : body.substring(0, Math.min(body.length(), 200)).strip();
    }

    /** The body of a response the low-level client buffered (it does for a {@link ResponseException}), empty when unreadable. */
    private static String body(Response response) {
        try {
            return response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code error} object of an Elasticsearch error body, missing when the body is not of that shape. */
    private static JsonNode errorIn(String body) {
        try {
            return JSON.readTree(body).path("error");
        } catch (JsonProcessingException e) {
            // not Elasticsearch's JSON (a proxy's page, say): there is no error object
            return MissingNode.getInstance();
        }
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
        if (client._transport() instanceof ClusterTransport cluster) {
            return "Elasticsearch at " + cluster.nodes();
        }
        return "Elasticsearch";
    }
}
