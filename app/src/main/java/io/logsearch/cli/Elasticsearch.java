package io.logsearch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.Failures;
import io.logsearch.elasticsearch.EsSettings;
import io.logsearch.storage.FailureKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;

/** A client for the Elasticsearch a command talks to, closed with the command. */
final class Elasticsearch implements AutoCloseable {

    static final String START_HINT = "Start the local node with './logsearch es start', or set ES_URL to a cluster that is running.";

    private final EsSettings settings;
    private final ElasticsearchClient client;

    private Elasticsearch(EsSettings settings) {
        this.settings = settings;
        this.client = EsClients.create(settings);
    }

    /**
     * The cluster the environment names ({@code ES_URL} and credentials), checked to answer.
     *
     * @throws UsageException when an {@code ES_*} variable is invalid
     * @throws ElasticsearchUnavailableException when it cannot be reached or refuses the credentials
     */
    static Elasticsearch fromEnvironment() {
        return unchecked().requireAvailable();
    }

    /** The cluster the environment names, not yet asked anything: for a server that starts while Elasticsearch is down. */
    static Elasticsearch unchecked() {
        try {
            return new Elasticsearch(EsSettings.fromEnvironment());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The local node at {@code url}, checked to answer. */
    static Elasticsearch at(String url) {
        return new Elasticsearch(EsSettings.of(url)).requireAvailable();
    }

    ElasticsearchClient client() {
        return client;
    }

    String url() {
        return settings.url();
    }

    /**
     * Why this cluster cannot be used, asked with one cheap request: unreachable, TLS not trusted,
     * credentials refused (or lacking the privilege to ask for the cluster's health, which
     * {@code /health} needs as well). Any other answer means it is there.
     */
    Optional<String> problem() {
        try {
            client.cluster().health();
            return Optional.empty();
        } catch (IOException | ElasticsearchException e) {
            return whyUnusable(e);
        }
    }

    /** What a failed health request says about the cluster, by the status {@link Failures} reads from it. */
    private Optional<String> whyUnusable(Exception e) {
        OptionalInt status = Failures.status(e);
        if (status.isPresent() && Failures.kindOf(e) == FailureKind.UNAUTHORIZED) {
            return Optional.of(credentialsRefused(status.getAsInt()));
        }
        if (e instanceof TransportException) {
            return Optional.of("Elasticsearch at " + url() + " did not answer as Elasticsearch does: " + e.getMessage());
        }
        if (status.isPresent()) {
            return Optional.empty();
        }
        if (hasCause(e, SSLException.class)) {
            return Optional.of("cannot reach Elasticsearch at " + url() + " over TLS (" + describe(e) + "). "
                    + "Set ES_CA_CERT to the PEM file of the cluster's CA certificate.");
        }
        return Optional.of("cannot reach Elasticsearch at " + url() + " (" + describe(e) + "). " + START_HINT);
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Elasticsearch requireAvailable() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            close();
            throw new ElasticsearchUnavailableException(problem.get());
        }
        return this;
    }

    private String credentialsRefused(int status) {
        String refusal = status == 401 ? "refused the credentials (HTTP 401)" : "refused the credentials the privileges logsearch needs (HTTP " + status + ")";
        return "Elasticsearch at " + url() + " " + refusal + "; check ES_API_KEY, or ES_USERNAME and ES_PASSWORD.";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
