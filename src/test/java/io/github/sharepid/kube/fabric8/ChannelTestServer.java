package io.github.sharepid.kube.fabric8;

import io.github.sharepid.training.WebSocketWire;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A websocket server small enough to read, for the channel protocol tests the fabric8 mock server
 * cannot serve: it negotiates from its own list of subprotocols (the mock server knows v1-v4 only),
 * so it can speak v5, and it answers each request on a thread of its own, so a reply can wait for
 * another request (to show that two are in flight at once). A {@link Router} says what each request
 * gets; by default an upgrade to {@code /exec} or {@code /attach} runs the test's {@link Session} and
 * everything else (the attacher's deletion watch) gets a 403.
 */
public final class ChannelTestServer implements AutoCloseable {

    /** What the server does on one upgraded connection. */
    @FunctionalInterface
    public interface Session {
        void run(Connection connection) throws IOException;
    }

    /** What a request gets: an upgrade that runs {@code session}, or a plain reply. */
    public record Answer(Session session, int status, String body) {
        public static Answer upgrade(Session session) {
            return new Answer(session, 101, null);
        }

        public static Answer reply(int status, String body) {
            return new Answer(null, status, body);
        }
    }

    /** Chooses the answer for {@code path} (with its query); may block, each request has its own thread. */
    @FunctionalInterface
    public interface Router {
        Answer route(String method, String path) throws IOException;
    }

    /** One upgrade as the server saw it. */
    public record Upgrade(String path, String offered, String chosen) {
    }

    private final ServerSocket server;
    private final List<String> supported;
    private final Router router;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final List<Thread> connections = new CopyOnWriteArrayList<>();

    /** {@code supported}: the subprotocols this server speaks, in its own order (the client's preference wins). */
    ChannelTestServer(List<String> supported, Session session) throws IOException {
        this(supported, (method, path) -> path.contains("/exec") || path.contains("/attach")
                ? Answer.upgrade(session)
                : Answer.reply(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":403}"));
    }

    public ChannelTestServer(List<String> supported, Router router) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.supported = supported;
        this.router = router;
        this.acceptor = new Thread(this::acceptLoop, "channel-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Every request as {@code METHOD PATH} (query left out), upgrades included, in order of arrival. */
    public List<String> requests() {
        return requests;
    }

    public List<Upgrade> upgrades() {
        return upgrades;
    }

    /**
     * Anything a session threw (an unexpected frame, say): a test asserts this is empty after {@link #close},
     * which waits for every session to end, so an assertion a session makes after the client returned counts.
     */
    public List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "channel-test-connection");
                t.setDaemon(true);
                connections.add(t);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        String request = "before the request line";
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            List<String> head = readHead(in);
            String method = head.get(0).split(" ")[0];
            String path = head.get(0).split(" ")[1];
            Map<String, String> headers = headers(head);
            request = head.get(0);
            requests.add(method + " " + path.replaceFirst("\\?.*", ""));
            Answer answer = router.route(method, path);
            if (answer.session() == null || !"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                reply(out, answer.session() == null ? answer.status() : 400, answer.body() == null ? "" : answer.body());
                return;
            }
            String offered = headers.get("sec-websocket-protocol");
            String chosen = choose(offered);
            upgrades.add(new Upgrade(path, offered, chosen));
            accept(out, headers.get("sec-websocket-key"), chosen);
            answer.session().run(new Connection(new DataInputStream(in), out));
        } catch (IOException | RuntimeException | AssertionError e) {
            failures.add(new AssertionError("serving " + request + ": " + e, e));
        }
    }

    private String choose(String offered) {
        if (offered == null) {
            return null;
        }
        return Arrays.stream(offered.split(",")).map(String::strip).filter(supported::contains).findFirst().orElse(null);
    }

    private static void reply(OutputStream out, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Reply\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void accept(OutputStream out, String key, String chosen) throws IOException {
        String accept = WebSocketWire.accept(key);
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n"
                + (chosen == null ? "" : "Sec-WebSocket-Protocol: " + chosen + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.US_ASCII).stripTrailing();
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.reset();
            } else {
                line.write(b);
            }
        }
        throw new IOException("connection closed in the request head");
    }

    private static Map<String, String> headers(List<String> head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l : head.subList(1, head.size())) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).strip().toLowerCase(), l.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        return headers;
    }

    /** Stops accepting and waits (10 s at most each) for every connection's session to end. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
            for (Thread t : connections) {
                t.join(TimeUnit.SECONDS.toMillis(10));
                if (t.isAlive()) {
                    failures.add(new AssertionError("a session was still running 10 s after the test ended"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the sessions to end", e);
        }
    }

    /** The server's side of one upgraded connection: frames in the channel protocol. */
    public static final class Connection {
        private final DataInputStream in;
        private final OutputStream out;

        Connection(DataInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** Sends a binary frame: the channel byte, then {@code data}. */
        public void send(int channel, byte[] data) throws IOException {
            byte[] payload = new byte[data.length + 1];
            payload[0] = (byte) channel;
            System.arraycopy(data, 0, payload, 1, data.length);
            frame(0x2, payload);
        }

        public void send(int channel, String text) throws IOException {
            send(channel, text.getBytes(StandardCharsets.UTF_8));
        }

        /** A close frame with status 1000, as the API server sends after the status. */
        public void close() throws IOException {
            frame(0x8, new byte[] {0x03, (byte) 0xE8});
        }

        private void frame(int opcode, byte[] payload) throws IOException {
            WebSocketWire.write(out, opcode, payload);
            out.flush();
        }

        /** The next data frame from the client, unmasked (pings are answered, fragments joined). */
        public byte[] receive() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0F;
                if (opcode == 0x9) {
                    frame(0xA, payload);
                    continue;
                }
                if (opcode == 0x8) {
                    throw new IOException("the client closed the connection");
                }
                message.write(payload);
                if ((b0 & 0x80) != 0) {
                    return message.toByteArray();
                }
            }
        }
    }
}
