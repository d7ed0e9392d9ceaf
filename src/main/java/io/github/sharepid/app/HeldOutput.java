package io.github.sharepid.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Holds back the output of an exec started before its pod was judged ({@link SiteLookup}): the
 * first write waits for the verdict, and if the exec must not count, fails instead of letting a single
 * byte through. Back-pressure turns the wait into a paused stream; nothing is buffered here.
 */
final class HeldOutput extends FilterOutputStream {
    private final CompletableFuture<Boolean> verdict;
    private boolean released;

    HeldOutput(OutputStream out, CompletableFuture<Boolean> verdict) {
        super(out);
        this.verdict = verdict;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!released) {
            if (!verdict.join()) {
                throw new IOException("output held back: the exec ran before the pod was judged, and does not count");
            }
            released = true;
        }
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (released) {
            out.flush();
        }
    }
}
