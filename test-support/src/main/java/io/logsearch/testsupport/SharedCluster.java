package io.logsearch.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one Elasticsearch every test class of a test JVM shares: {@code ES_URL} when set; otherwise a
 * Testcontainers node when a Docker engine answers; otherwise a local node on free ports. Started
 * on first use, stopped when the JVM exits.
 */
final class SharedCluster {

    private static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:" + io.logsearch.localnode.Distribution.VERSION;
    private static String url;

    private SharedCluster() {
    }

    static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        String explicit = System.getenv("ES_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.replaceAll("/+$", "");
        }
        if (dockerMayAnswer() && DockerClientFactory.instance().isDockerAvailable()) {
            return startContainer();
        }
        EphemeralNode node = EphemeralNode.start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-test-elasticsearch"));
        return node.url();
    }

    /**
     * Testcontainers logs an error whenever it looks for Docker in vain; ask it only where a Docker
     * engine could be: a configured host, a socket, or Testcontainers' own configuration.
     */
    private static boolean dockerMayAnswer() {
        Path home = Path.of(System.getProperty("user.home"));
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker/run/docker.sock"))
                || Files.exists(home.resolve(".testcontainers.properties"));
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook
    private static String startContainer() {
        ElasticsearchContainer container = new ElasticsearchContainer(DockerImageName.parse(IMAGE))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-elasticsearch"));
        return "http://" + container.getHttpHostAddress();
    }
}
