package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One exec or attach connection in a {@link StreamProtocol}. Stdout and stderr frames are written to the caller's
 * streams on the websocket's thread, the next frame requested once that write returned: a slow reader slows the
 * remote command down, memory stays flat. An attach flushes every frame (a prompt must show at once); an exec
 * leaves flushing to the caller's stream and {@link #flushOutput}. It keeps the status frame and tells how the
 * connection ended; {@link ChannelInput} sends. A failed write ends the session (the reader went away). Once the
 * session is over for the caller ({@link #close}, a failed write) later frames are dropped, not written: the
 * bytes of a session reported as failed must not land in output shared with others. They are still requested,
 * so the server's close frame arrives.
 */
final class ChannelSocket implements WebSocket.Listener {
    private static final int MAX_STATUS = 64 << 10;
    private static final int ABNORMAL_CLOSURE = 1006;

    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean flushEachFrame;
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private final ByteArrayOutputStream status = new ByteArrayOutputStream();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean statusSeen;
    private volatile Exception writeFailure;
    private volatile WebSocket socket;
    private volatile StreamProtocol protocol = StreamProtocol.V4;
    private volatile ChannelInput input;
    private boolean closed; // guarded by this: no frame reaches the caller's streams once set

    /** How the connection ended: the close code and reason the server sent, or the error that broke it. */
    record Ending(int code, String reason, Throwable error) {
    }

    /** {@code stdout}, {@code stderr}: where the remote output goes; null discards it. */
    ChannelSocket(OutputStream stdout, OutputStream stderr, boolean flushEachFrame) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.flushEachFrame = flushEachFrame;
    }

    /** Called once the upgrade succeeded, with the protocol the server chose. */
    void opened(WebSocket openSocket, StreamProtocol chosen) {
        socket = openSocket;
        protocol = chosen;
        input = new ChannelInput(openSocket, chosen, ended);
        if (writeFailure != null) {
            close();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        onMessage(webSocket, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteBuffer frame) {
        lastActivity = System.nanoTime();
        try {
            deliver(frame);
        } catch (IOException | RuntimeException e) {
            writeFailed(webSocket, e);
        }
        webSocket.request();
    }

    /** Hands one frame to its stream, unless the session is closed: then the frame is dropped. */
    private synchronized void deliver(ByteBuffer frame) throws IOException {
        if (closed || !frame.hasRemaining()) {
            return;
        }
        switch (frame.get()) {
            case StreamProtocol.STDOUT -> write(stdout, frame);
            case StreamProtocol.STDERR -> write(stderr, frame);
            case StreamProtocol.STATUS -> keepStatus(frame);
            default -> { } // no other channel carries anything for us
        }
    }

    /** 1006: the connection ended without a close frame (RFC 6455), which is a broken connection. */
    @Override
    public void onClose(WebSocket webSocket, int code, String reason) {
        ended.complete(new Ending(code, reason, code == ABNORMAL_CLOSURE
                ? new EOFException("closed without a websocket close frame") : null));
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete(new Ending(-1, null, error));
    }

    private void write(OutputStream out, ByteBuffer data) throws IOException {
        if (out == null || !data.hasRemaining()) {
            return;
        }
        byte[] copy = new byte[data.remaining()]; // a frame is small: one copy keeps this simple
        data.get(copy);
        out.write(copy);
        if (flushEachFrame) {
            out.flush();
        }
    }

    /** Flushes what the caller's streams still hold; a failure counts as a failed write. */
    void flushOutput() {
        try {
            for (OutputStream out : new OutputStream[] {stdout, stderr}) {
                if (out != null) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            if (writeFailure == null) {
                writeFailure = e;
            }
        }
    }

    private void keepStatus(ByteBuffer data) {
        synchronized (status) {
            int n = Math.min(data.remaining(), MAX_STATUS - status.size());
            byte[] bytes = new byte[n];
            data.get(bytes);
            status.writeBytes(bytes);
        }
        statusSeen = true;
    }

    private void writeFailed(WebSocket webSocket, Exception e) {
        markClosed();
        writeFailure = e;
        webSocket.sendClose(1000, "output closed");
        ended.complete(new Ending(1000, "output closed", null));
    }

    private synchronized void markClosed() { // waits for a frame being written: none is written after this
        closed = true;
    }

    /** The outgoing side (stdin, v5's stdin close, resizes); null until the upgrade has succeeded. */
    ChannelInput input() {
        return input;
    }

    /** Ends the session from our side (nothing more reaches the caller's streams); the server's close finishes it. */
    void close() {
        markClosed();
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(1000, "done");
        }
    }

    CompletableFuture<Ending> ended() {
        return ended;
    }

    StreamProtocol protocol() {
        return protocol;
    }

    long lastActivityNanos() {
        return lastActivity;
    }

    void touch() { // sending stdin is progress too: the idle clock restarts after it
        lastActivity = System.nanoTime();
    }

    boolean statusSeen() {
        return statusSeen;
    }

    /** The status frame's bytes, or null when none arrived. */
    byte[] status() {
        synchronized (status) {
            return statusSeen ? status.toByteArray() : null;
        }
    }

    /** Why writing the output failed, or null. */
    Exception writeFailure() {
        return writeFailure;
    }
}
