package io.logsearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A free HTTP port on loopback whose transport port (100 above, see NodeSettings) is free as well. */
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
