package io.github.sharepid.app;

import io.github.sharepid.kube.CommandNotFound;
import io.github.sharepid.kube.Exec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Answers execs from a script: each call takes the next reply (stdout bytes, stderr text, exit code) and
 * records its target and argv, so tests can assert which script ran where.
 */
final class FakeExec implements Exec {
    /** What one exec writes and returns, or ({@code thrown} not null) how it fails before anything ran. */
    record Reply(byte[] stdout, String stderr, int exitCode, RuntimeException thrown) {
    }

    /** One exec as the use case made it: {@code ns/pod/container} and the argv. */
    record Call(String where, List<String> argv) {
    }

    private final Deque<Reply> replies = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();

    FakeExec answer(byte[] stdout) {
        return answer(stdout, "", 0);
    }

    FakeExec answer(byte[] stdout, String stderr, int exitCode) {
        replies.add(new Reply(stdout, stderr, exitCode, null));
        return this;
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
        try {
            stdout.write(reply.stdout());
            stderr.write(reply.stderr().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply.exitCode();
    }
}
