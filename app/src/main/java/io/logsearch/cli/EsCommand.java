package io.logsearch.cli;

import io.logsearch.localnode.Home;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.localnode.RunningNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "es", description = "Manage the local single-node Elasticsearch.",
        subcommands = {EsCommand.Start.class, EsCommand.Stop.class, EsCommand.Status.class})
final class EsCommand {

    /** Where the node runs; {@code start}, {@code stop} and {@code status} take the same flags. */
    static final class NodeOptions {

        @Option(names = "--port", paramLabel = "PORT", converter = OptionConverters.NodePort.class,
                description = "HTTP port (default: the port the node already runs on, else 9200); the transport port is 100 above it.")
        Optional<Integer> port;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Node directory for data, logs and config (default: under $LOGSEARCH_HOME, /var/lib/logsearch as root, else ~/.local/share/logsearch).")
        Path data;

        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "${env:LOGSEARCH_ES_HEAP:-512m}", converter = OptionConverters.Heap.class,
                description = "JVM heap of the node (default: $LOGSEARCH_ES_HEAP, else 512m).")
        String heap;

        LocalNodeChoice choice() {
            return new LocalNodeChoice(nodeDir(), port, "--port");
        }

        /** The node of the directory on whatever port: enough to stop it, which only needs its pid file. */
        LocalNode anyNode() {
            return nodeOn(port.orElse(NodeSettings.DEFAULT_HTTP_PORT));
        }

        LocalNode nodeOn(int httpPort) {
            return new LocalNode(NodeSettings.of(httpPort, nodeDir()).withHeap(heap));
        }

        Path nodeDir() {
            return data == null ? Home.defaultNodeDir() : data;
        }
    }

    @Command(name = "start", description = "Start the node (fetched through Maven on first use) and wait until it is healthy.")
    static final class Start implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            LocalNodeChoice choice = options.choice();
            LocalNode node = choice.node(options.heap);
            long started = System.nanoTime();
            choice.start(node, System.out::println);
            System.out.printf("Elasticsearch is running at %s (pid %d, ready after %.1f s).%n",
                    node.settings().url(), node.running().map(RunningNode::pid).orElse(-1L), (System.nanoTime() - started) / 1e9);
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the node started from this node directory (whatever its port).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            System.out.println(options.anyNode().stop() ? "Elasticsearch stopped." : "Elasticsearch was not running.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Exit 0 when the node of this node directory is running (on --port, when given), 3 when it is not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            LocalNodeChoice choice = options.choice();
            Optional<RunningNode> running = choice.running();
            if (running.isEmpty()) {
                System.out.println("not running (node directory " + options.nodeDir() + ")");
                return ExitCodes.NOT_RUNNING;
            }
            if (choice.runsElsewhere()) {
                System.out.println("not running on port " + options.port.orElseThrow() + "; the node of " + options.nodeDir()
                        + " runs at " + running.get().url() + " (pid " + running.get().pid() + ")");
                return ExitCodes.NOT_RUNNING;
            }
            LocalNode node = options.nodeOn(running.get().httpPort());
            System.out.println("running at " + running.get().url() + " (pid " + running.get().pid() + "), cluster health "
                    + node.healthStatus().orElse("not answering yet"));
            return ExitCodes.OK;
        }
    }
}
