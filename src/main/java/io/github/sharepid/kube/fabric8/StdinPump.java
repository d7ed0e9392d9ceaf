package io.github.sharepid.kube.fabric8;

import java.io.IOException;
import java.io.InputStream;

/**
 * Sends an exec's stdin on a thread of its own while the output is read, so the exec ends when the
 * command does, whether or not stdin has: a stdin that never ends keeps the remote stdin open for as long as
 * the connection lasts (the remote command sees end-of-file when it closes, which is how peek-root --follow
 * learns that we have gone). At the end of stdin a v5 server is told to close the remote stdin; a v4 one
 * cannot be.
 */
final class StdinPump implements Runnable {
    private final ChannelSocket socket;
    private final InputStream stdin;
    private volatile IOException failure;

    private StdinPump(ChannelSocket socket, InputStream stdin) {
        this.socket = socket;
        this.stdin = stdin;
    }

    /** Starts sending {@code stdin} on the open {@code socket}. */
    static StdinPump start(ChannelSocket socket, InputStream stdin) {
        StdinPump pump = new StdinPump(socket, stdin);
        Thread thread = new Thread(pump, "sharepid-exec-stdin");
        thread.setDaemon(true);
        thread.start();
        return pump;
    }

    @Override
    public void run() {
        try {
            byte[] buf = new byte[32 << 10];
            int n;
            while ((n = stdin.read(buf)) >= 0) {
                socket.input().sendStdin(buf, 0, n);
                socket.touch();
            }
            socket.input().closeStdin();
        } catch (IOException e) {
            if (!socket.ended().isDone()) {
                failure = e; // reading our stdin failed, or the connection broke while sending
                socket.close();
            }
        }
    }

    /** Why sending stdin failed while the session was still open, or null. */
    IOException failure() {
        return failure;
    }
}
