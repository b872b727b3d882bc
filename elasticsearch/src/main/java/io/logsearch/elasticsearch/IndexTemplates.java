package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.logsearch.mappings.IndexTemplate;
import java.io.IOException;
import java.io.StringReader;

/** Installs the composable index template of an index base. */
public final class IndexTemplates {

    private IndexTemplates() {
    }

    /** Creates or replaces the template for {@code base}. */
    public static void install(ElasticsearchClient client, String base, int replicas) throws IOException {
        String body = IndexTemplate.body(base, replicas);
        client.indices().putIndexTemplate(t -> t.name(IndexTemplate.name(base)).withJson(new StringReader(body)));
    }

    /** Installs the template unless one of that name exists; returns true when it installed it. */
    public static boolean ensureInstalled(ElasticsearchClient client, String base, int replicas) throws IOException {
        if (client.indices().existsIndexTemplate(t -> t.name(IndexTemplate.name(base))).value()) {
            return false;
        }
        install(client, base, replicas);
        return true;
    }
}
