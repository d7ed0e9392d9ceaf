package io.github.sharepid.proc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Splits peek-root's exec output into its header record ({@link Kind} and the resolved path) and the
 * body, which it hands, unbuffered, to the sink the header calls for: file bytes stream straight
 * through, so memory does not grow with the file's size.
 */
public final class PeekStream extends OutputStream {
    /** What the remote side found at the path. */
    public enum Kind { FILE, LISTING, TAR }

    private static final int MAX_HEADER = 64 * 1024;

    private final Function<PeekStream, OutputStream> sinkFor;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private Kind kind;
    private String resolvedPath;
    private OutputStream sink;

    /** {@code sinkFor} is asked once, after the header, for where the body goes. */
    public PeekStream(Function<PeekStream, OutputStream> sinkFor) {
        this.sinkFor = sinkFor;
    }

    public Kind kind() {
        return kind;
    }

    /** The path as resolved inside the container's root (symlinks followed), or null before the header. */
    public String resolvedPath() {
        return resolvedPath;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        int end = off + len;
        while (sink == null && i < end) {
            byte c = b[i++];
            if (c == 0) {
                openBody();
            } else if (header.size() >= MAX_HEADER) {
                throw new IOException("peek-root: malformed reply (no header)");
            } else {
                header.write(c);
            }
        }
        if (sink != null && i < end) {
            sink.write(b, i, end - i);
        }
    }

    private void openBody() throws IOException {
        String h = header.toString(StandardCharsets.UTF_8);
        if (h.isEmpty()) {
            throw new IOException("peek-root: malformed reply (empty header)");
        }
        kind = switch (h.charAt(0)) {
            case 'F' -> Kind.FILE;
            case 'D' -> Kind.LISTING;
            case 'T' -> Kind.TAR;
            default -> throw new IOException("peek-root: malformed reply (header " + h.charAt(0) + ")");
        };
        resolvedPath = h.substring(1);
        sink = sinkFor.apply(this);
    }

    @Override
    public void flush() throws IOException {
        if (sink != null) {
            sink.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (sink != null) {
            sink.close();
        }
    }
}
