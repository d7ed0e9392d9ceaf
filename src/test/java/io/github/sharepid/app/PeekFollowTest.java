package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.FollowScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * peek-root --follow: the follow script with the stdin held open while it runs, stdout flushed piece by
 * piece, the remote notes said as they come, and the target's exit as a normal end with one note.
 */
class PeekFollowTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private final List<String> said = new ArrayList<>();
    private final List<String> flushedSoFar = new ArrayList<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OutputStream stdout = new OutputStream() {
        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void flush() {
            flushedSoFar.add(written.toString(StandardCharsets.UTF_8));
        }
    };
    private final List<List<String>> argvs = new ArrayList<>();
    private final List<Boolean> stdinOpenDuringExec = new ArrayList<>();
    private InputStream stdinGiven;

    /** An exec that writes its pieces one write at a time, then returns {@code code}. */
    private PeekRoot peek(int code, String stderr, String... pieces) {
        Exec exec = (ns, pod, container, argv, stdin, out, err) -> {
            argvs.add(argv);
            stdinGiven = stdin;
            stdinOpenDuringExec.add(stdin != null && !ended(stdin));
            try {
                for (String piece : pieces) {
                    out.write(piece.getBytes(StandardCharsets.UTF_8));
                }
                err.write(stderr.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return code;
        };
        return new PeekRoot(new FakeToolPorts(SamplePods.copy()).table(), exec, said::add);
    }

    @Test
    void follow_streamsEachPieceFlushed_saysTheNotes_andEndsWithTheTargetsExit() throws IOException {
        PeekRoot peek = peek(FollowScript.TARGET_EXITED,
                FollowScript.NOTE + "/var/log/app.log was truncated; following it from its start\n",
                "F/var/log/app.log\0line 1\n", "line 2\n", "line 3\n");

        PeekRoot.Result result = peek.read(PeekRoot.Request.follow(ToolPod.of(COPY, null), 8, null, "/var/log/app.log", 10), stdout);

        assertThat(result.resolvedPath()).isEqualTo("/var/log/app.log");
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\nline 3\n");
        assertThat(flushedSoFar).startsWith("line 1\n", "line 1\nline 2\n", "line 1\nline 2\nline 3\n");
        assertThat(said).containsExactly("note: /var/log/app.log was truncated; following it from its start",
                "process 8 exited; stopped following /var/log/app.log");
        assertThat(argvs).containsExactly(FollowScript.argv(8, "/var/log/app.log", 10));
        assertThat(stdinOpenDuringExec).containsExactly(true);
        assertThat(ended(stdinGiven)).as("stdin closed once the exec is over").isTrue();
    }

    @Test
    void follow_refusedRead_isTheUsualOneLineError_withoutTheNotes() {
        PeekRoot peek = peek(1, FollowScript.NOTE + "/x is gone; following it when it appears again\n"
                + "head: /proc/8/root/x: Permission denied\n");

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.follow(ToolPod.of(COPY, null), 8, null, "/x", FollowScript.ALL), stdout))
                .hasMessageStartingWith("permission denied reading /x (PID 8 in pod " + COPY + ")");
        assertThat(said).containsExactly("note: /x is gone; following it when it appears again");
    }

    @Test
    void withoutFollow_noStdinIsOpened() {
        PeekRoot peek = peek(0, "", "F/etc/hostname\0web-1\n");

        peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/hostname", null), stdout);

        assertThat(stdinOpenDuringExec).containsExactly(false);
        assertThat(said).isEmpty();
    }

    /**
     * True when a read returns end-of-file; false when the reader parks in it (a held stdin blocks until it is
     * closed). Decided by what the reading thread does, not by how long it takes: no margin to lose under load.
     */
    private static boolean ended(InputStream in) {
        java.util.concurrent.CompletableFuture<Integer> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(in.read());
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        }, "stdin-probe");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!read.isDone() && reader.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (read.isDone()) {
            return read.join() == -1;
        }
        if (reader.getState() == Thread.State.WAITING) {
            return false;
        }
        throw new AssertionError("the read neither ended nor blocked within 20 s");
    }
}
