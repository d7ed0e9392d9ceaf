package io.github.sharepid.proc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A remote script's stderr, split into the notes it prints while it runs (lines that start with
 * {@link FollowScript#NOTE}, handed on as they complete, without that prefix) and everything else, which
 * goes unchanged to {@code rest} (the error text a failure is explained from). Memory is bounded by one line.
 */
public final class NoteLines extends OutputStream {
    private static final int MAX_LINE = 4096;
    private static final byte[] PREFIX = FollowScript.NOTE.getBytes(StandardCharsets.UTF_8);

    private final Consumer<String> notes;
    private final OutputStream rest;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean passing;

    public NoteLines(Consumer<String> notes, OutputStream rest) {
        this.notes = notes;
        this.rest = rest;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            if (passing) {
                rest.write(b[i]);
                passing = b[i] != '\n';
            } else if (b[i] == '\n') {
                endLine();
            } else {
                int at = line.size();
                line.write(b[i]);
                if (at < PREFIX.length ? b[i] != PREFIX[at] : at >= MAX_LINE) {
                    passOn(); // not a note, or one too long to be
                }
            }
        }
    }

    private void endLine() throws IOException {
        if (line.size() >= PREFIX.length) {
            notes.accept(new String(line.toByteArray(), PREFIX.length, line.size() - PREFIX.length,
                    StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write('\n');
            passOn();
            passing = false;
        }
    }

    private void passOn() throws IOException {
        line.writeTo(rest);
        line.reset();
        passing = true;
    }

    /** A line cut off by the end of the stream is not a note. */
    @Override
    public void close() throws IOException {
        if (line.size() > 0) {
            passOn();
        }
        rest.close();
    }
}
