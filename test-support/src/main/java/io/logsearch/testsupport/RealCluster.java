package io.logsearch.testsupport;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(RealCluster.class)} gives the test class the shared local
 * 3-node cluster and an index base of its own, injected as a {@link TestCluster} parameter. The
 * class's partitions and template are removed after its last test. Tag such classes
 * {@code @Tag("extended")}: they kill nodes, and the cluster costs minutes to start.
 */
public final class RealCluster implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealCluster.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String base = "it" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                + "-" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        context.getStore(NAMESPACE).put(TestCluster.class, new TestCluster(SharedMultiNodeCluster.cluster(), base));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        TestCluster cluster = context.getStore(NAMESPACE).get(TestCluster.class, TestCluster.class);
        if (cluster != null) {
            cluster.restart();
            RealElasticsearch.removeBase(cluster.url(0), cluster.indexBase());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(TestCluster.class, TestCluster.class);
    }
}
