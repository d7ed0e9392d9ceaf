package io.github.sharepid.training;

import io.github.sharepid.training.ApiExchange.Answer;
import io.github.sharepid.training.ApiExchange.Document;
import io.github.sharepid.training.ApiExchange.Frames;
import io.github.sharepid.training.ApiExchange.Message;
import io.github.sharepid.training.ApiExchange.Request;
import io.github.sharepid.training.ApiExchange.Stream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * The training run's API server: HTTPS on 127.0.0.1 and an ephemeral port, HTTP/1.1 with keep-alive, and
 * websocket upgrades (RFC 6455) for exec, attach and watches, answering through a handler. One thread per
 * connection; {@link #close} closes every socket and waits for every thread, so nothing outlives it.
 * Only as much HTTP as the JDK client sends: no pipelining, no compression, no proxies.
 */
final class LoopbackApiServer implements AutoCloseable {
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;
    private static final long JOIN_MILLIS = 5_000;

    private final ServerSocket listener;
    private final Function<Request, Answer> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private LoopbackApiServer(ServerSocket listener, Function<Request, Answer> handler) {
        this.listener = listener;
        this.handler = handler;
    }

    /** Listens on 127.0.0.1 (never another interface) on a port the kernel picks. */
    static LoopbackApiServer start(SSLContext tls, Function<Request, Answer> handler) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 16, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        SSLParameters params = socket.getSSLParameters();
        params.setWantClientAuth(true); // as kube-apiserver: a client certificate if the client has one
        // Go's order (kube-apiserver): AES-128-GCM first, so the client runs the cipher a real server picks
        params.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
        params.setUseCipherSuitesOrder(true);
        socket.setSSLParameters(params);
        LoopbackApiServer server = new LoopbackApiServer(socket, handler);
        server.spawn("sharepid-training-accept", server::acceptLoop);
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far (each a TLS handshake). */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(LoopbackApiServer::closeQuietly);
        for (Thread t : threads) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Threads of this server still running: none once {@link #close} has returned. */
    long liveThreads() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true); // a training run that fails must still be able to exit
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            if (closed) {
                closeQuietly(s);
                return;
            }
            spawn("sharepid-training-conn-" + connections.incrementAndGet(), () -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream());
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
            s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            Request request;
            while ((request = HttpWire.readRequest(in)) != null) {
                if (!answer(request, handler.apply(request), in, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or close() closed the socket: this connection is done
        } finally {
            open.remove(s);
        }
    }

    /** Writes the answer; false when the connection cannot carry another request. */
    private static boolean answer(Request request, Answer answer, InputStream in, OutputStream out) throws IOException {
        if (answer instanceof Document d) {
            HttpWire.document(out, d.status(), d.contentType(), d.body());
            out.flush();
            return true;
        }
        if (answer instanceof Stream st) {
            HttpWire.head(out, 200, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
            HttpWire.chunks(out, st.lines());
            out.flush();
            HttpWire.drain(in); // until the client cancels the watch
            return false;
        }
        Frames frames = (Frames) answer;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Accept", WebSocketWire.accept(request.headers().getOrDefault("sec-websocket-key", "")));
        if (frames.protocol() != null) {
            headers.put("Sec-WebSocket-Protocol", frames.protocol());
        }
        HttpWire.head(out, 101, headers);
        for (Message m : frames.messages()) {
            WebSocketWire.write(out, m.text() ? WebSocketWire.TEXT : WebSocketWire.BINARY, m.payload());
        }
        if (!frames.afterStdinLine().isEmpty()) {
            out.flush();
            if (!WebSocketWire.readUntilStdinLine(in, out)) {
                return false; // the client went away without a line, as a command whose stdin ended does
            }
            for (Message m : frames.afterStdinLine()) {
                WebSocketWire.write(out, WebSocketWire.BINARY, m.payload());
            }
        }
        if (frames.closeAfter()) {
            WebSocketWire.write(out, WebSocketWire.CLOSE, WebSocketWire.NORMAL_CLOSURE);
        }
        out.flush();
        WebSocketWire.readUntilClose(in, out, !frames.closeAfter());
        return false;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all that was asked; a socket that was already gone is just as closed
        }
    }
}
