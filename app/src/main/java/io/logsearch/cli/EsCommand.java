package io.logsearch.cli;

import io.logsearch.localnode.Home;
import io.logsearch.localnode.LocalCluster;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.LocalNodeException;
import io.logsearch.localnode.NodeDirectory;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.localnode.PortInUseException;
import io.logsearch.localnode.RunningNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "es", description = "Manage the local Elasticsearch: one node, or a cluster of several (--nodes).",
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

        /**
         * The cluster whose nodes live under the node directory, when one was started there: on
         * --port, else on the ports its running nodes recorded, else from 9200.
         */
        Optional<LocalCluster> cluster() {
            List<NodeDirectory> members = LocalCluster.membersOf(nodeDir());
            if (members.size() < 2) {
                return Optional.empty();
            }
            int firstPort = port.orElseGet(() -> IntStream.range(0, members.size())
                    .boxed()
                    .flatMap(i -> members.get(i).running().map(node -> node.httpPort() - i).stream())
                    .findFirst()
                    .orElse(NodeSettings.DEFAULT_HTTP_PORT));
            return Optional.of(LocalCluster.of(members.size(), firstPort, nodeDir(), heap));
        }
    }

    @Command(name = "start", description = "Start the node (fetched through Maven on first use) and wait until it is healthy.")
    static final class Start implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", converter = OptionConverters.Nodes.class,
                description = "Nodes: 1 (default), or a cluster of N on HTTP ports PORT to PORT+N-1, each in DIR/node-<i>.")
        int nodes;

        @Override
        public Integer call() {
            if (nodes > 1) {
                return startCluster();
            }
            LocalNodeChoice choice = options.choice();
            LocalNode node = choice.node(options.heap);
            long started = System.nanoTime();
            choice.start(node, System.out::println);
            System.out.printf("Elasticsearch is running at %s (pid %d, ready after %.1f s).%n",
                    node.settings().url(), node.running().map(RunningNode::pid).orElse(-1L), (System.nanoTime() - started) / 1e9);
            return ExitCodes.OK;
        }

        private int startCluster() {
            LocalCluster cluster = LocalCluster.of(nodes, options.port.orElse(NodeSettings.DEFAULT_HTTP_PORT), options.nodeDir(), options.heap);
            long started = System.nanoTime();
            try {
                cluster.start(System.out::println);
            } catch (PortInUseException e) {
                throw new LocalNodeException(e.getMessage() + "; stop what listens there or choose other ports with --port", e);
            }
            System.out.printf("Elasticsearch cluster of %d nodes is green (ready after %.1f s); use it with ES_URL=%s%n",
                    nodes, (System.nanoTime() - started) / 1e9, cluster.urls());
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the node started from this node directory (whatever its port).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        NodeOptions options;

        @Override
        public Integer call() {
            boolean node = options.anyNode().stop();
            boolean cluster = options.cluster().map(LocalCluster::stop).orElse(false);
            System.out.println(cluster ? "Elasticsearch cluster stopped." : node ? "Elasticsearch stopped." : "Elasticsearch was not running.");
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
            Optional<LocalCluster> cluster = options.cluster();
            if (running.isEmpty() && cluster.isPresent()) {
                return clusterStatus(cluster.get());
            }
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

        /** One line per node, then the cluster's health; exit 0 only when every node runs. */
        private static int clusterStatus(LocalCluster cluster) {
            int running = 0;
            for (LocalNode node : cluster.nodes()) {
                Optional<RunningNode> process = node.running();
                System.out.println(node.settings().nodeDir().getFileName() + ": " + process
                        .map(p -> "running at " + p.url() + " (pid " + p.pid() + ")")
                        .orElse("not running (node directory " + node.settings().nodeDir() + ")"));
                running += process.isPresent() ? 1 : 0;
            }
            System.out.println(running + " of " + cluster.nodes().size() + " nodes running, cluster health "
                    + (running == 0 ? "none" : cluster.healthStatus().orElse("not answering yet")));
            return running == cluster.nodes().size() ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
        }
    }
}
