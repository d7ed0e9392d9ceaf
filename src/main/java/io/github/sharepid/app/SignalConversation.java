package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.GuardedPid;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.SignalResults;
import io.github.sharepid.proc.SignalScript;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code signal}'s selection in one exec ({@link SignalScript#CHOOSE_SCRIPT}): the script lists the processes, then
 * waits on stdin for the targets chosen from that listing, and signals them. {@link #open} returns once the listing
 * is in; nothing is signalled before {@link #finish} sends the targets, and {@link #close} without them (or our
 * going away, which ends the remote stdin) ends the script with nothing signalled. Until then the exec is as free
 * of side effects as ps's, so it can go out before the pod is judged and serve as a live pod's probe.
 */
final class SignalConversation implements AutoCloseable {
    private static final byte[] NOTHING = "\n".getBytes(StandardCharsets.US_ASCII);

    private final String container;
    private final CompletableFuture<byte[]> line = new CompletableFuture<>();
    private final ListingSplit stdout = new ListingSplit();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    private SignalConversation(String container) {
        this.container = container;
    }

    /**
     * Starts the script in {@code container} and waits for its listing. A failure before the listing (no sh,
     * a tool missing behind {@link GuardedExec}, a refused exec) is thrown as the exec threw it; a script that
     * ended without a whole listing as ps's failure.
     */
    static SignalConversation open(Exec exec, String namespace, String pod, String container, Signal signal,
                                   boolean dryRun) {
        SignalConversation c = new SignalConversation(container);
        Thread thread = new Thread(() -> {
            try {
                c.ended.complete(exec.exec(namespace, pod, container, SignalScript.chooseArgv(signal, dryRun),
                        c.new LineInput(), c.stdout, c.stderr));
            } catch (RuntimeException | Error e) {
                c.ended.completeExceptionally(e);
            } finally {
                c.line.complete(NOTHING); // the exec is over: nothing will read the line
            }
        }, "sharepid-signal-exec");
        thread.setDaemon(true);
        thread.start();
        CompletableFuture.anyOf(c.stdout.listed, c.ended).handle((r, e) -> null).join();
        if (!c.stdout.listed.isDone()) {
            throw ProcessTable.readFailed(container, pod, c.code(), c.stderrText());
        }
        ListingSplit.Listing listing = c.stdout.listed.join();
        if (!listing.whole()) {
            c.close();
            throw ProcessTable.readFailed(container, pod, listing.status(), c.stderrText());
        }
        return c;
    }

    /** The listing as ps reads it ({@link io.github.sharepid.proc.PsScript}): the processes the targets are chosen from. */
    byte[] listing() {
        return stdout.listed.join().bytes();
    }

    /**
     * Sends {@code targets} (chosen from {@link #listing()}, each guarded by its start time) and returns the signal
     * script's reply once the exec has ended; a non-zero exit is one failure line.
     */
    byte[] finish(List<GuardedPid> targets) {
        boolean sent = line.complete(SignalScript.targetsLine(targets));
        int code = code();
        if (!sent) { // the exec ended (the connection broke, the script was killed) before it could be told
            throw SharepidException.failure("signalling in container " + container + " failed: the exec ended (exit "
                    + code + ") before it was sent the PIDs; nothing was signalled" + detail(stderrText()));
        }
        if (code != 0) {
            throw SharepidException.failure("signalling in container " + container + " failed (exit " + code + ")"
                    + detail(stderrText()));
        }
        byte[] reply = stdout.reply();
        if (!targets.isEmpty() && SignalResults.parse(reply).isEmpty()) { // its stdin ended before the line came
            throw SharepidException.failure("signalling in container " + container + " failed: the script ended"
                    + " without the PIDs; nothing was signalled");
        }
        return reply;
    }

    /**
     * Ends the script with nothing signalled, unless {@link #finish} sent the targets already, and waits for the
     * exec to end, so that nothing of it outlives the command (a failure of it is no longer anyone's concern).
     */
    @Override
    public void close() {
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

    private static String detail(String stderr) {
        return stderr.isBlank() ? "" : ": " + stderr.strip().lines().findFirst().orElse("");
    }

    private String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8); // ByteArrayOutputStream's methods are synchronized
    }

    /** Stdin: nothing until the line is given, then the line, then the end. */
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
                return -1;
            }
            int n = Math.min(len, bytes.length - next);
            System.arraycopy(bytes, next, b, off, n);
            next += n;
            return n;
        }
    }
}
