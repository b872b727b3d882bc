package io.logsearch.cli;

import io.logsearch.localnode.Home;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "es", description = "Manage the local single-node Elasticsearch.",
        subcommands = {EsCommand.Start.class, EsCommand.Stop.class, EsCommand.Status.class})
final class EsCommand {

    /** Where the node runs; {@code start}, {@code stop} and {@code status} take the same flags. */
    static final class NodeOptions {

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "9200",
                description = "HTTP port (default ${DEFAULT-VALUE}); the transport port is 100 above it.")
        int port;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Node directory for data, logs and config (default: under $LOGSEARCH_HOME, /var/lib/logsearch as root, else ~/.local/share/logsearch).")
        Path data;

        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "${env:LOGSEARCH_ES_HEAP:-512m}",
                description = "JVM heap of the node (default: $LOGSEARCH_ES_HEAP or ${DEFAULT-VALUE}).")
        String heap;

        LocalNode node() {
            return new LocalNode(NodeSettings.of(port, data == null ? Home.defaultNodeDir() : data).withHeap(heap));
        }
    }

    @Command(name = "start", description = "Start the node (fetched through Maven on first use) and wait until it is healthy.")
    static final class Start implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            LocalNode node = options.node();
            long started = System.nanoTime();
            node.start(System.out::println);
            System.out.printf("Elasticsearch is running at %s (pid %d, ready after %.1f s).%n",
                    node.settings().url(), node.pid().orElse(-1L), (System.nanoTime() - started) / 1e9);
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the node started from this node directory.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            LocalNode node = options.node();
            System.out.println(node.stop() ? "Elasticsearch stopped." : "Elasticsearch was not running.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Exit 0 when the node is running, 3 when it is not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            LocalNode node = options.node();
            if (node.pid().isEmpty()) {
                System.out.println("not running (node directory " + node.settings().nodeDir() + ")");
                return ExitCodes.NOT_RUNNING;
            }
            System.out.println("running at " + node.settings().url() + " (pid " + node.pid().get() + "), cluster health "
                    + node.healthStatus().orElse("not answering yet"));
            return ExitCodes.OK;
        }
    }
}
