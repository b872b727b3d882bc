package io.logsearch.mappings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the access log of an index base lives: daily partitions {@code <base>-access-YYYY.MM.DD}
 * with a template of their own. The events' template ({@code <base>-*}) matches those names too;
 * this template's higher priority makes Elasticsearch create them from it alone, and event
 * queries never reach them, since they name only partitions that start with {@code <base>-} and a digit.
 */
public final class AccessLogIndex {

    /** The {@code event.dataset} of every access event. */
    public static final String DATASET = "logsearch.access";
    private static final String SUFFIX = "-access";
    private static final String RESOURCE = "logsearch-access.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessLogIndex() {
    }

    /** The access log's partitions for the events of {@code base}. */
    public static Partitioning partitioning(String base) {
        return Partitioning.daily(base + SUFFIX);
    }

    /** The name of the access log's template for the events of {@code base}. */
    public static String templateName(String base) {
        return base + SUFFIX;
    }

    /**
     * The template body for the access log of {@code base}. Its priority is above the events'
     * template of {@code base}, whose pattern also matches, and that of every shorter base.
     */
    public static String body(String base, int replicas) {
        ObjectNode template = load();
        String accessBase = base + SUFFIX;
        template.putArray("index_patterns").add(accessBase + "-*");
        template.put("priority", IndexTemplate.BASE_PRIORITY + accessBase.length());
        ((ObjectNode) template.at("/template/settings/index")).put("number_of_replicas", replicas);
        return template.toString();
    }

    private static ObjectNode load() {
        try (InputStream in = AccessLogIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("index template resource " + RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access log template resource", e);
        }
    }
}
