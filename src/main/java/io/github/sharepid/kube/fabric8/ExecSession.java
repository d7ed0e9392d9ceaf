package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one exec session has seen so far: when the server last sent something, the status from the
 * status channel, and whether writing the output failed (then the exec is closed at once rather than
 * streaming the rest of a large file to a reader that went away).
 */
final class ExecSession implements ExecListener {
    private volatile long lastActivity = System.nanoTime();
    private volatile Status status;
    private final AtomicReference<IOException> writeFailure = new AtomicReference<>();
    private final AtomicReference<ExecWatch> watch = new AtomicReference<>();

    /** {@code out}, noting activity and failures; each frame is flushed so the output streams. */
    OutputStream track(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                lastActivity = System.nanoTime();
                try {
                    out.write(b, off, len);
                    out.flush();
                } catch (IOException e) {
                    writeFailed(e);
                    throw e;
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void close() {
                // the caller owns the stream: fabric8 must not close System.out under it
            }
        };
    }

    void opened(ExecWatch execWatch) {
        watch.set(execWatch);
        if (writeFailure.get() != null) {
            execWatch.close();
        }
    }

    /** Counts as activity: sending stdin is progress too, the idle clock starts after it. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    long lastActivityNanos() {
        return lastActivity;
    }

    Status status() {
        return status;
    }

    IOException writeFailure() {
        return writeFailure.get();
    }

    @Override
    public void onExit(int code, Status exitStatus) {
        lastActivity = System.nanoTime();
        status = exitStatus;
    }

    @Override
    public void onClose(int code, String reason) {
        // the exit code future tells whether a status came first; nothing else to record
    }

    private void writeFailed(IOException e) {
        if (writeFailure.compareAndSet(null, e)) {
            ExecWatch open = watch.get();
            if (open != null) {
                open.close();
            }
        }
    }
}
