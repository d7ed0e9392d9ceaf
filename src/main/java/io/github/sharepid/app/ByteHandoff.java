package io.github.sharepid.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes handed from one thread to another through a bounded queue of chunks: the writer (the exec's
 * websocket thread) blocks while the reader (a local extraction) is {@code capacity} chunks behind, so
 * memory stays flat and a slow disk slows the remote command down. Unlike piped streams it does not
 * care which threads write (a pooled HTTP thread may die between frames), and a reader that stops
 * (closes its side) makes the next write fail instead of blocking it forever.
 */
final class ByteHandoff {
    private static final byte[] END = new byte[0];
    private static final long RECHECK_MILLIS = 100;

    private final BlockingQueue<byte[]> chunks;
    private volatile boolean readerGone;

    ByteHandoff(int capacity) {
        this.chunks = new ArrayBlockingQueue<>(capacity);
    }

    /** The writing side; {@code close()} marks the end of the data. */
    OutputStream output() {
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new IOException("the handoff is closed");
                }
                if (len > 0) {
                    put(Arrays.copyOfRange(b, off, off + len));
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    put(END);
                }
            }
        };
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, RECHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (readerGone) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes over");
        }
        if (readerGone && chunk != END) {
            throw new IOException("the reading side stopped");
        }
    }

    /** The reading side; closing it discards what is queued and fails the writer's next write. */
    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (current != END && pos == current.length) {
                    current = take();
                    pos = 0;
                }
                if (current == END) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public void close() {
                readerGone = true;
                chunks.clear();
            }
        };
    }

    private byte[] take() throws IOException {
        if (readerGone) {
            throw new IOException("the handoff is closed");
        }
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for bytes");
        }
    }
}
