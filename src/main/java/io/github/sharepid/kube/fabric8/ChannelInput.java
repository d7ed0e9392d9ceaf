package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The outgoing side of an open {@link ChannelSocket}: stdin on channel 0, v5's stdin close, terminal
 * resizes on channel 4. fabric8's JDK websocket accepts one outstanding frame at a time (the JDK refuses
 * a second send while one is pending), so each frame waits until the previous one has left; callers on
 * several threads (the stdin pump, the resize signal) are serialised here. The JDK gives no completion
 * to wait on, so the sender polls the queue, backing off from 50 µs to 5 ms: a frame usually leaves within
 * microseconds, and a slow connection (or many sessions at once) does not keep a core busy polling.
 */
final class ChannelInput {
    private static final long MIN_PAUSE_NANOS = 50_000;
    private static final long MAX_PAUSE_NANOS = 5_000_000;

    private final WebSocket socket;
    private final StreamProtocol protocol;
    private final CompletableFuture<?> ended;

    ChannelInput(WebSocket socket, StreamProtocol protocol, CompletableFuture<?> ended) {
        this.socket = socket;
        this.protocol = protocol;
        this.ended = ended;
    }

    /** Sends {@code len} bytes of stdin; blocks while the previous frame is still being sent. */
    void sendStdin(byte[] data, int off, int len) throws IOException {
        byte[] frame = new byte[len + 1];
        frame[0] = StreamProtocol.STDIN;
        System.arraycopy(data, off, frame, 1, len);
        send(frame);
    }

    /** Closes the remote stdin and returns true on v5; returns false on v4, which cannot. */
    boolean closeStdin() throws IOException {
        if (!protocol.closesStdin()) {
            return false;
        }
        send(StreamProtocol.closeStdinFrame());
        return true;
    }

    /** Tells the remote terminal its new size; quietly does nothing once the connection is gone. */
    void resize(int columns, int rows) {
        try {
            send(StreamProtocol.resizeFrame(columns, rows));
        } catch (IOException e) {
            // the session is ending; a lost size change is of no consequence then
        }
    }

    private synchronized void send(byte[] frame) throws IOException {
        long pause = MIN_PAUSE_NANOS;
        while (socket.queueSize() > 0 && !ended.isDone()) {
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
        if (ended.isDone() || !socket.send(ByteBuffer.wrap(frame))) {
            throw new IOException("the connection is closed");
        }
    }
}
