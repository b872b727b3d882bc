package io.logsearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free ports on loopback: for the benchmark's node (its transport port, 100 above, free as well) and for servers of its own. */
final class FreePorts {

    private FreePorts() {
    }

    static int nodeHttpPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = free(0);
            if (port + 100 <= 65535 && isFree(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("found no free pair of ports (P, P+100) on 127.0.0.1 for the benchmark node");
    }

    /** A free port for a server the benchmark starts in a JVM of its own. */
    static int apiPort() {
        return free(0);
    }

    private static boolean isFree(int port) {
        try {
            free(port);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static int free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
