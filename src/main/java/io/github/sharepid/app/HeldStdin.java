package io.github.sharepid.app;

import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A stdin that sends nothing and ends only when closed: given to an exec, it keeps the remote stdin open
 * for as long as the connection lasts, so a remote script learns that we have gone when it reaches
 * end-of-file (peek-root --follow stops there instead of running on in the container).
 */
final class HeldStdin extends InputStream {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() {
        awaitClose();
        return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        awaitClose();
        return -1;
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
