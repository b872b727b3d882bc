package io.logsearch.cli;

import io.logsearch.localnode.Home;
import io.logsearch.localnode.LocalNode;
import io.logsearch.localnode.LocalNodeException;
import io.logsearch.localnode.NodeDirectory;
import io.logsearch.localnode.NodeSettings;
import io.logsearch.localnode.PortInUseException;
import io.logsearch.localnode.Progress;
import io.logsearch.localnode.RunningNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local node a command means: the one of a node directory, on the port the command asked for
 * with {@code portFlag}, else on the port it already runs on, else on 9200. Its errors name the
 * command's own flag.
 */
final class LocalNodeChoice {

    private final NodeDirectory directory;
    private final Optional<Integer> askedPort;
    private final String portFlag;
    private final Optional<RunningNode> running;

    LocalNodeChoice(Path nodeDir, Optional<Integer> askedPort, String portFlag) {
        this.directory = new NodeDirectory(nodeDir);
        this.askedPort = askedPort;
        this.portFlag = portFlag;
        this.running = directory.running();
    }

    /** The node of the directory as it was found, when it runs. */
    Optional<RunningNode> running() {
        return running;
    }

    /** True when the node runs, but not on the port asked for. */
    boolean runsElsewhere() {
        return running.isPresent() && askedPort.isPresent() && !askedPort.get().equals(running.get().httpPort());
    }

    /** Why the node cannot be used on the port asked for, naming where it does run and what to do. */
    String elsewhere() {
        RunningNode node = running.orElseThrow();
        return "Elasticsearch from " + directory.root() + " is already running at " + node.url() + " (pid " + node.pid() + "), not on port "
                + askedPort.orElseThrow() + "; use " + portFlag + " " + node.httpPort() + " (or leave it out), or stop it first with"
                + " './logsearch es stop" + dataFlag() + "'";
    }

    LocalNode node(String heap) {
        int port = askedPort.or(() -> running.map(RunningNode::httpPort)).orElse(NodeSettings.DEFAULT_HTTP_PORT);
        return new LocalNode(NodeSettings.of(port, directory.root()).withHeap(heap));
    }

    /** Starts {@code node} (see {@link LocalNode#start}), refusing one that runs on another port. */
    void start(LocalNode node, Progress progress) {
        if (runsElsewhere()) {
            throw new LocalNodeException(elsewhere());
        }
        try {
            node.start(progress);
        } catch (PortInUseException e) {
            throw new LocalNodeException(e.getMessage() + "; stop what listens there or choose another port with " + portFlag, e);
        }
    }

    private String dataFlag() {
        return directory.root().equals(new NodeDirectory(Home.defaultNodeDir()).root()) ? "" : " --data " + directory.root();
    }
}
