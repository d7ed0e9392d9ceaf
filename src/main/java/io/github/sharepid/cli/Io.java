package io.github.sharepid.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The process's standard streams, handed to commands so tests can capture them.
 * {@link #stdout()} is for data bytes (peek-root streams files through it), {@link #out()} is the same
 * stream as text; {@link #err()} is for progress, warnings and errors.
 */
public final class Io implements AutoCloseable {
    private final InputStream in;
    private final OutputStream stdout;
    private final PrintWriter out;
    private final OutputStream stderr;
    private final PrintWriter err;
    private final BooleanSupplier stdinIsTerminal;

    public Io(InputStream in, OutputStream stdout, OutputStream stderr, BooleanSupplier stdinIsTerminal) {
        this.in = in;
        this.stdout = stdout;
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        this.stderr = stderr;
        this.err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** The process's own streams; {@code stdinIsTerminal} is asked only when a command needs to know. */
    public static Io system(BooleanSupplier stdinIsTerminal) {
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        return new Io(new FileInputStream(FileDescriptor.in), stdout, new FileOutputStream(FileDescriptor.err),
                stdinIsTerminal);
    }

    public InputStream in() {
        return in;
    }

    /** Raw data bytes; call {@link #flush()} first if text was written to {@link #out()}. */
    public OutputStream stdout() {
        out.flush();
        return stdout;
    }

    public PrintWriter out() {
        return out;
    }

    /** Raw stderr bytes (a piped session's remote stderr). */
    public OutputStream stderr() {
        err.flush();
        return stderr;
    }

    public PrintWriter err() {
        return err;
    }

    public boolean stdinIsTerminal() {
        return stdinIsTerminal.getAsBoolean();
    }

    /** Flushes text and bytes written so far, in order. */
    public void flush() {
        out.flush();
        try {
            stdout.flush();
        } catch (IOException e) {
            // stdout is gone (closed pipe): nothing is left to tell anyone.
        }
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
