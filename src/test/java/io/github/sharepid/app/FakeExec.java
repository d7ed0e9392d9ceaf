package io.github.sharepid.app;

import io.github.sharepid.kube.CommandNotFound;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.SignalScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Answers execs from a script: each call takes the next reply (stdout bytes, stderr text, exit code) and
 * records its target and argv, so tests can assert which script ran where.
 */
final class FakeExec implements Exec {
    /**
     * What one exec writes and returns, or ({@code thrown} not null) how it fails before anything ran; with
     * {@code afterLine}, it writes {@code stdout}, then reads one line of stdin and writes what that gives.
     */
    record Reply(byte[] stdout, String stderr, int exitCode, RuntimeException thrown,
                 Function<String, byte[]> afterLine) {
        Reply(byte[] stdout, String stderr, int exitCode, RuntimeException thrown) {
            this(stdout, stderr, exitCode, thrown, null);
        }
    }

    /** One exec as the use case made it: {@code ns/pod/container} and the argv. */
    record Call(String where, List<String> argv) {
    }

    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The stdin lines the conversations ({@link #answerChoosing}) were sent, in order; "" for an empty line or none. */
    final List<String> lines = new CopyOnWriteArrayList<>();

    FakeExec answer(byte[] stdout) {
        return answer(stdout, "", 0);
    }

    FakeExec answer(Reply reply) {
        replies.add(reply);
        return this;
    }

    FakeExec answer(byte[] stdout, String stderr, int exitCode) {
        replies.add(new Reply(stdout, stderr, exitCode, null));
        return this;
    }

    /**
     * A listing conversation (signal's, peek-root -c's): writes {@code listing} and the listed record (exit status
     * 0), reads a line of stdin, and writes {@code reply(line)}.
     */
    FakeExec answerChoosing(byte[] listing, Function<String, byte[]> reply) {
        replies.add(choosing(listing, reply));
        return this;
    }

    /** The reply of a listing conversation ({@link #answerChoosing}). */
    static Reply choosing(byte[] listing, Function<String, byte[]> reply) {
        return choosing(listing, reply, "", 0);
    }

    /** The reply of a listing conversation that writes {@code stderr} and exits {@code exitCode} after the line. */
    static Reply choosing(byte[] listing, Function<String, byte[]> reply, String stderr, int exitCode) {
        byte[] marker = (PsScript.LISTED + ":0\0").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(listing, listing.length + marker.length);
        System.arraycopy(marker, 0, out, listing.length, marker.length);
        return new Reply(out, stderr, exitCode, null, reply);
    }

    /** The next exec cannot start: no such executable in the container (a distroless image has no sh). */
    FakeExec answerNotFound() {
        return answerFailure(new CommandNotFound("exec failed: exec: \"sh\": executable file not found in $PATH"));
    }

    /** The next exec fails with {@code failure} (a refused upgrade, a container that does not exist). */
    FakeExec answerFailure(RuntimeException failure) {
        replies.add(new Reply(new byte[0], "", -1, failure));
        return this;
    }

    @Override
    public int exec(String namespace, String pod, String container, List<String> argv,
                    InputStream stdin, OutputStream stdout, OutputStream stderr) {
        calls.add(new Call(namespace + "/" + pod + "/" + container, List.copyOf(argv)));
        Reply reply = replies.poll();
        if (reply == null) {
            throw new AssertionError("unexpected exec " + argv);
        }
        if (reply.thrown() != null) {
            throw reply.thrown();
        }
        return play(reply, argv, stdin, stdout, stderr, lines);
    }

    /** Writes {@code reply} (reading its line of stdin first, for a conversation, kept in {@code lines}). */
    static int play(Reply reply, List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr,
                    List<String> lines) {
        try {
            stdout.write(reply.stdout());
            if (reply.afterLine() != null) {
                if (stdin == null) {
                    throw new AssertionError("a conversation without stdin: " + argv);
                }
                String line = readLine(stdin);
                lines.add(line);
                stdout.write(reply.afterLine().apply(line));
            }
            stderr.write(reply.stderr().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply.exitCode();
    }

    /** One line of {@code stdin}, as the script's {@code read -r} takes it: up to the newline, or empty at the end. */
    private static String readLine(InputStream stdin) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = stdin.read(); b >= 0; b = stdin.read()) {
            if (b == '\n') {
                return line.toString();
            }
            line.append((char) b);
        }
        return "";
    }
}
