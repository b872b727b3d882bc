package io.logsearch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.elasticsearch.EsClients;
import io.logsearch.elasticsearch.EsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A client from the environment's Elasticsearch settings, closed with the command. */
final class Elasticsearch implements AutoCloseable {

    private final EsSettings settings;
    private final ElasticsearchClient client;

    private Elasticsearch(EsSettings settings) {
        this.settings = settings;
        this.client = EsClients.create(settings);
    }

    static Elasticsearch fromEnvironment() {
        return new Elasticsearch(EsSettings.fromEnvironment());
    }

    static Elasticsearch at(String url) {
        return new Elasticsearch(EsSettings.of(url));
    }

    ElasticsearchClient client() {
        return client;
    }

    String url() {
        return settings.url();
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
