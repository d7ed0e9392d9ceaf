package io.github.sharepid.kube.fabric8;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An attach session's output: passes every chunk on (the channel flushes each frame of an attach, so a
 * prompt shows before the user types) and counts the bytes, so the v4 fallback knows where in the
 * container log to resume. Stdout and stderr may share one stream: writes are serialised on it.
 */
final class CountingStream extends OutputStream {
    private final OutputStream out;
    private final AtomicLong counter;

    CountingStream(OutputStream out, AtomicLong counter) {
        this.out = out;
        this.counter = counter;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        synchronized (out) {
            out.write(b, off, len);
        }
        if (counter != null) {
            counter.addAndGet(len);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }
}
