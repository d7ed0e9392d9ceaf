package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.PsScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A choice made from the process table and acted on in the same exec: a script built on
 * {@link PsScript#LISTING_THEN_LINE} lists the processes, then waits on stdin for one line, what the caller chose
 * from that listing (signal's guarded PIDs, peek-root's main process), and acts on it. {@link #open} returns once
 * the listing is in; nothing is done before {@link #finish} sends the line, and {@link #close} without it (or our
 * going away, which ends the remote stdin) ends the script having done nothing. Until then the exec is as free of
 * side effects as ps's, so it can go out before the pod is judged and serve as a live pod's probe
 * ({@link GuardedExec}). What the script writes after the listing goes to the {@link Script}'s streams, except
 * after {@link #close} without a line: a discarded conversation (a wrong container guessed on a copy, one run
 * again elsewhere) must not write into the streams of the one that is used.
 */
final class ListingConversation implements AutoCloseable {
    private static final byte[] NOTHING = "\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The argv of a script built on {@link PsScript#LISTING_THEN_LINE}, what its line carries (for the failure of
     * an exec that ended before it: "the PIDs to signal"), where its output after the listing goes, and whether
     * its stdin stays open after the line until the exec ends ({@code peek-root --follow}, which stops when it
     * closes).
     */
    record Script(List<String> argv, String choice, OutputStream stdout, OutputStream stderr, boolean holdStdin) {
    }

    private final Script script;
    private final String where;
    private final CompletableFuture<byte[]> line = new CompletableFuture<>();
    private final ListingSplit stdout;
    private final ByteArrayOutputStream listingErrors = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile boolean discarded;

    private ListingConversation(Script script, String where) {
        this.script = script;
        this.where = where;
        this.stdout = new ListingSplit(script.stdout());
    }

    /**
     * Starts {@code script} in {@code container} and waits for its listing. A failure before the listing (no sh,
     * a tool missing behind {@link GuardedExec}, a refused exec) is thrown as the exec threw it; a script that
     * ended without a whole listing as ps's failure.
     */
    static ListingConversation open(Exec exec, String namespace, String pod, String container, Script script) {
        ListingConversation c = new ListingConversation(script, "container " + container + " of pod " + pod);
        Thread thread = new Thread(() -> {
            try {
                c.ended.complete(exec.exec(namespace, pod, container, script.argv(), c.new LineInput(), c.stdout,
                        c.new Stderr()));
            } catch (RuntimeException | Error e) {
                c.ended.completeExceptionally(e);
            } finally {
                c.line.complete(NOTHING); // the exec is over: nothing will read the line
            }
        }, "sharepid-listing-exec");
        thread.setDaemon(true);
        thread.start();
        CompletableFuture.anyOf(c.stdout.listed, c.ended).handle((r, e) -> null).join();
        if (!c.stdout.listed.isDone()) {
            throw ProcessTable.readFailed(container, pod, c.code(), c.listingErrors.toString(StandardCharsets.UTF_8));
        }
        ListingSplit.Listing listing = c.stdout.listed.join();
        if (!listing.whole()) {
            c.close();
            throw ProcessTable.readFailed(container, pod, listing.status(),
                    c.listingErrors.toString(StandardCharsets.UTF_8));
        }
        return c;
    }

    /** The listing as ps reads it ({@link PsScript}): what the line is chosen from. */
    byte[] listing() {
        return stdout.listed.join().bytes();
    }

    /**
     * Sends {@code chosen} (one line, newline-terminated) and waits for the exec to end: its exit code. A failure of
     * the exec itself is thrown, and so is an exec that had ended before the line could reach it (the connection
     * broke, the script was killed): the script acts on nothing else, so nothing was done.
     */
    int finish(byte[] chosen) {
        boolean sent = line.complete(chosen);
        int code = code();
        if (!sent) {
            throw SharepidException.failure("the exec in " + where + " ended (exit " + code + ") before it was sent "
                    + script.choice() + "; nothing was done");
        }
        return code;
    }

    /**
     * Ends the script having done nothing, unless {@link #finish} sent the line already, and waits for the exec to
     * end, so that nothing of it outlives the command (a failure of it is no longer anyone's concern).
     */
    @Override
    public void close() {
        if (!line.isDone()) { // ended unused (a refused choice, a guess in the wrong container): its output is not ours
            stdout.drop();
            discarded = true;
        }
        line.complete(NOTHING);
        ended.handle((code, failure) -> null).join();
    }

    private int code() {
        try {
            return ended.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Stdin: nothing until the line is given, then the line, then the end (or, holding it, the exec's end). */
    private final class LineInput extends InputStream {
        private byte[] bytes;
        private int next;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (bytes == null) {
                bytes = line.join();
            }
            if (next >= bytes.length) {
                if (script.holdStdin()) {
                    ended.handle((code, failure) -> null).join();
                }
                return -1;
            }
            int n = Math.min(len, bytes.length - next);
            System.arraycopy(bytes, next, b, off, n);
            next += n;
            return n;
        }
    }

    /**
     * Stderr: kept while the listing is under way (for its failure), then passed to the script's stream, unless
     * the conversation was closed unused.
     */
    private final class Stderr extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!stdout.listed.isDone()) {
                listingErrors.write(b, off, len);
            } else if (!discarded) {
                script.stderr().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            script.stderr().flush();
        }
    }
}
