package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.IndexTemplate;
import java.io.IOException;
import java.io.StringReader;

/** Installs composable index templates: the events' of an index base, and its access log's. */
public final class IndexTemplates {

    private IndexTemplates() {
    }

    /** Creates or replaces the events' template for {@code base}. */
    public static void install(ElasticsearchClient client, String base, int replicas) throws IOException {
        put(client, IndexTemplate.name(base), IndexTemplate.body(base, replicas));
    }

    /** Installs the events' template unless one of that name exists; returns true when it installed it. */
    public static boolean ensureInstalled(ElasticsearchClient client, String base, int replicas) throws IOException {
        return ensure(client, IndexTemplate.name(base), IndexTemplate.body(base, replicas));
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
