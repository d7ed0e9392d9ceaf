package io.github.sharepid.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One pod's part of {@code peek-root --follow} over several pods: every line it writes goes to the shared stdout
 * whole, after the pod's prefix ({@code [pod/web-a/nginx] }, as {@code kubectl logs --prefix} writes it), so lines of
 * different pods never mix. A last line without its newline is written, prefixed, when the stream is closed.
 */
final class PrefixedLines extends OutputStream {
    private final OutputStream shared;
    private final byte[] prefix;
    private byte[] line = new byte[256];
    private int length;

    /** {@code shared}: the one stdout all pods write to; its monitor orders whole lines. */
    PrefixedLines(OutputStream shared, String prefix) {
        this.shared = shared;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        if (length == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = (byte) b;
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void close() throws IOException {
        if (length > 0) {
            write('\n');
        }
    }

    private void emit() throws IOException {
        synchronized (shared) {
            shared.write(prefix);
            shared.write(line, 0, length);
            shared.flush();
        }
        length = 0;
    }
}
