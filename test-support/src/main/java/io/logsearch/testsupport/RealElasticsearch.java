package io.logsearch.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(RealElasticsearch.class)} gives the test class a real
 * Elasticsearch and an index base of its own, injected as a {@link TestElasticsearch} parameter.
 * The class's partitions and template are removed after its last test.
 */
public final class RealElasticsearch implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealElasticsearch.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(TestElasticsearch.class, forClass(context.getRequiredTestClass()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        TestElasticsearch es = context.getStore(NAMESPACE).get(TestElasticsearch.class, TestElasticsearch.class);
        if (es != null) {
            remove(es);
        }
    }

    /**
     * What the extension gives {@code testClass}, for test engines without Jupiter's extensions
     * (jqwik): the real Elasticsearch and an index base of its own; {@link #remove} it after the last test.
     */
    public static TestElasticsearch forClass(Class<?> testClass) {
        String base = "it" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                + "-" + testClass.getSimpleName().toLowerCase(Locale.ROOT);
        return new TestElasticsearch(SharedCluster.url(), base);
    }

    /** Removes the partitions and template of {@code es}'s index base. */
    public static void remove(TestElasticsearch es) throws IOException, InterruptedException {
        removeBase(es.url(), es.indexBase());
    }

    /** Deletes the partitions and templates of {@code base} at {@code url}. */
    static void removeBase(String url, String base) throws IOException, InterruptedException {
        String indices = send(url, "GET", "/_cat/indices/" + base + "-*?h=index&expand_wildcards=all").body();
        for (String index : indices.split("\\s+")) {
            if (!index.isBlank()) {
                send(url, "DELETE", "/" + URLEncoder.encode(index, StandardCharsets.UTF_8));
            }
        }
        send(url, "DELETE", "/_index_template/" + base + "*");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestElasticsearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(TestElasticsearch.class, TestElasticsearch.class);
    }

    private static HttpResponse<String> send(String url, String method, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
