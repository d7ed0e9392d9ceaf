package io.github.sharepid.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A byte-level TCP proxy to the API server on 127.0.0.1 that a test can {@link #freeze} (connections stay
 * open, nothing moves: an unresponsive server) or {@link #cut} (every connection closed, new ones refused:
 * a server gone away). TLS passes through untouched; the server's certificate names 127.0.0.1, so a
 * kubeconfig pointing at the proxy verifies as usual. The shared API server itself is never touched.
 */
final class ApiProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    ApiProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "api-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A copy of {@code kubeconfig} whose server is this proxy. */
    Path kubeconfig(Path kubeconfig, Path dir) throws IOException {
        String text = Files.readString(kubeconfig, StandardCharsets.UTF_8)
                .replace("https://127.0.0.1:" + upstreamPort, "https://127.0.0.1:" + port());
        Path p = dir.resolve("proxied.kubeconfig");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Nothing passes any more, in either direction; connections stay open. */
    void freeze() {
        frozen = true;
    }

    /** Every connection is closed and new ones are refused. */
    void cut() {
        close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    while (frozen && !from.isClosed()) {
                        Cluster.sleep(50);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "api-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sockets.forEach(ApiProxy::closeQuietly);
    }
}
