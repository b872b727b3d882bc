package io.logsearch.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real Elasticsearch that can be told to cut the connection when the
 * n-th {@code _search} request arrives, and to refuse every connection after that: Elasticsearch
 * lost in the middle of a request sequence, at a point a test chooses.
 */
final class CuttableProxy implements AutoCloseable {

    private static final byte[] SEARCH = "/_search".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private volatile int cutAtSearch = Integer.MAX_VALUE;
    private volatile boolean cut;

    private CuttableProxy(ServerSocket server, URI target) {
        this.server = server;
        this.targetHost = target.getHost();
        this.targetPort = target.getPort();
        Thread accepting = new Thread(this::accept, "proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    static CuttableProxy to(String elasticsearchUrl) throws IOException {
        return new CuttableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), URI.create(elasticsearchUrl));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, the {@code n}-th search request (1 for the next) and everything after it fails. */
    void cutAtSearch(int n) {
        searches.set(0);
        cutAtSearch = n;
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean requests) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (requests && contains(buffer, n, SEARCH) && searches.incrementAndGet() >= cutAtSearch) {
                        cut = true;
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: the other follows
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
