package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;

/** Installs composable index templates: the events' of an index base, and its access log's. */
public final class IndexTemplates {

    private IndexTemplates() {
    }

    static void put(ElasticsearchClient client, String name, String body) throws IOException {
        client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(body)));
    }

    static boolean ensure(ElasticsearchClient client, String name, String body) throws IOException {
        if (client.indices().existsIndexTemplate(t -> t.name(name)).value()) {
            return false;
        }
        put(client, name, body);
        return true;
    }
}
