package io.github.sharepid.app;

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
    /** What one exec writes and returns. */
    record Reply(byte[] stdout, String stderr, int exitCode) {
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
        replies.add(new Reply(stdout, stderr, exitCode));
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
        try {
            stdout.write(reply.stdout());
            stderr.write(reply.stderr().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply.exitCode();
    }
}
