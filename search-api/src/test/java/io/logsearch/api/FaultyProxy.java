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
 * A loopback TCP proxy in front of a real Elasticsearch that gives the connections carrying a
 * request to a chosen path one fault: its answer delayed, stalled after its first bytes (headers
 * sent, the body never finished), or the connection reset. Other connections pass untouched.
 */
final class FaultyProxy implements AutoCloseable {

    enum Fault { NONE, DELAY, STALL_MID_RESPONSE, RESET }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile byte[] trigger = "/_search".getBytes(StandardCharsets.US_ASCII);
    private volatile Fault fault = Fault.NONE;
    private volatile long delayMillis;

    private FaultyProxy(ServerSocket server, URI target) {
        this.server = server;
        this.targetHost = target.getHost();
        this.targetPort = target.getPort();
        Thread accepting = new Thread(this::accept, "faulty-proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    static FaultyProxy to(String elasticsearchUrl) throws IOException {
        return new FaultyProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), URI.create(elasticsearchUrl));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, connections carrying a request whose text holds {@code path} get {@code fault}. */
    void inject(Fault fault, String path, long delayMillis) {
        this.trigger = path.getBytes(StandardCharsets.US_ASCII);
        this.delayMillis = delayMillis;
        this.fault = fault;
    }

    void heal() {
        fault = Fault.NONE;
    }

    /** How many requests were given a fault so far. */
    int faulted() {
        return faulted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Connection connection = new Connection();
                pump(client, upstream, connection, true);
                pump(upstream, client, connection, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The fault one connection got, set when its request passes and kept for the rest of its life. */
    private static final class Connection {
        volatile Fault fault = Fault.NONE;
    }

    private void pump(Socket from, Socket to, Connection connection, boolean requests) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (requests && fault != Fault.NONE && contains(buffer, n, trigger)) {
                        connection.fault = fault;
                        faulted.incrementAndGet();
                        if (connection.fault == Fault.RESET) {
                            reset(from);
                            reset(to);
                            return;
                        }
                    }
                    if (!requests && !respond(connection.fault, buffer, n, out)) {
                        hold(from);
                        return;
                    }
                    if (requests) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: the other follows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "faulty-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Passes an answer's bytes on as the fault wants; false when the answer stalls from here on. */
    private boolean respond(Fault connectionFault, byte[] buffer, int n, OutputStream out) throws IOException, InterruptedException {
        switch (connectionFault) {
            case STALL_MID_RESPONSE -> {
                out.write(buffer, 0, Math.min(n, 120));
                out.flush();
                return false;
            }
            case DELAY -> Thread.sleep(delayMillis);
            default -> { }
        }
        out.write(buffer, 0, n);
        out.flush();
        return true;
    }

    /** Keeps the connection open and silent until the other side gives up and closes it. */
    private static void hold(Socket upstream) throws IOException {
        byte[] drain = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream()) {
            while (in.read(drain) >= 0) {
                // the rest of the answer is swallowed
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already: nothing to reset
        }
        closeQuietly(socket);
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
