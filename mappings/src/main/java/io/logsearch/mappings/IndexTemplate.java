package io.logsearch.mappings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The composable index template that every partition of an index base is created from.
 * The template is named after the base and matches {@code <base>-*}.
 */
public final class IndexTemplate {

    private static final String RESOURCE = "logsearch-events.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BASE_PRIORITY = 100;

    private IndexTemplate() {
    }

    public static String name(String base) {
        return base;
    }

    /**
     * The template body for {@code base}, as JSON for {@code PUT _index_template/<name>}. Its
     * priority grows with the length of the base: Elasticsearch refuses two templates with
     * overlapping patterns and equal priority ({@code audit-*} and {@code audit-eu-*}), and the
     * longer base is the one that must win for its own partitions.
     */
    public static String body(String base, int replicas) {
        ObjectNode template = load();
        template.putArray("index_patterns").add(base + "-*");
        template.put("priority", BASE_PRIORITY + base.length());
        ((ObjectNode) template.at("/template/settings/index")).put("number_of_replicas", replicas);
        return template.toString();
    }

    /** The mappings section alone: the root of every field an event may carry. */
    public static ObjectNode mappings() {
        return (ObjectNode) load().at("/template/mappings");
    }

    private static ObjectNode load() {
        try (InputStream in = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("index template resource " + RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index template resource", e);
        }
    }
}
