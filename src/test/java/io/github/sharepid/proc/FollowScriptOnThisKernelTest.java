package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exact {@code --follow} script with a local busybox against this machine's /proc, following a file
 * through the root of a {@code sleep} this test started: appends, rotation, truncation, binary bytes, the
 * target's exit and our going away. Skipped without busybox, except under {@code CI=true} (see
 * {@link ScriptsOnThisKernelTest}).
 */
@Timeout(60)
class FollowScriptOnThisKernelTest {
    private final Path bin = Path.of("target", "busybox-bin");
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void busyboxApplets() throws IOException {
        ScriptsOnThisKernelTest.linkApplets(bin, List.of("sh", "cat", "head", "tail", "stat", "sleep", "kill", "readlink"));
    }

    @AfterEach
    void stopWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void follow_lastLinesThenAppendsRotationTruncationAndBinary_untilTheTargetExits() throws Exception {
        Path log = dir.resolve("app.log");
        Process target = sleeper();
        Following f = followNew(log, "old 1\nold 2\nold 3\n", target, 2);

        f.awaitOut("old 2\nold 3\n");
        append(log, "appended\n");
        f.awaitOut("appended\n");
        Files.move(log, dir.resolve("app.log.1"));
        append(dir.resolve("app.log.1"), "late in the old file\n");
        Files.writeString(log, "new file\n");
        f.awaitOut("late in the old file\nnew file\n");
        Files.writeString(log, "");
        f.awaitErr("was truncated; following it from its start\n"); // seen, so what follows is read from 0
        append(log, "after truncation\n");
        f.awaitOut("after truncation\n");
        byte[] binary = {0, (byte) 0xff, 'b', '\n', (byte) 0x80};
        Files.write(log, binary, StandardOpenOption.APPEND);
        f.awaitOut(new String(binary, StandardCharsets.ISO_8859_1)); // read before the target goes
        target.destroy();

        assertThat(f.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.process.exitValue()).isEqualTo(FollowScript.TARGET_EXITED);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(bytes("F" + log + "\0old 2\nold 3\nappended\nlate in the old file\nnew file\nafter truncation\n"));
        expected.write(binary);
        assertThat(f.out.join()).isEqualTo(expected.toByteArray());
        assertThat(new String(f.err.join(), StandardCharsets.UTF_8)).isEqualTo(
                FollowScript.NOTE + log + " has been replaced; following the new file\n"
                + FollowScript.NOTE + log + " was truncated; following it from its start\n");
    }

    @Test
    void follow_stopsWhenItsStdinCloses_leavingNothingRunning() throws Exception {
        Path log = dir.resolve("app.log");
        Process target = sleeper();
        Following f = followNew(log, "before\n", target, 0);
        List<ProcessHandle> script = until(() -> f.process.descendants().toList(), l -> !l.isEmpty());

        f.process.getOutputStream().close(); // the connection went: the remote stdin reaches end-of-file

        assertThat(f.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.out.join()).isEqualTo(bytes("F" + log + "\0"));
        until(() -> script, l -> l.stream().noneMatch(FollowScriptOnThisKernelTest::running));
        assertThat(script).isNotEmpty().noneMatch(FollowScriptOnThisKernelTest::running);
        assertThat(target.isAlive()).isTrue();
    }

    @Test
    void follow_aDirectoryOrAMissingFileFailsAtOnce() throws Exception {
        Process target = sleeper();

        Following directory = follow(target.pid(), dir, 0);
        Following missing = follow(target.pid(), dir.resolve("nosuch"), 0);

        assertThat(directory.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(directory.process.exitValue()).isEqualTo(1);
        assertThat(new String(directory.err.join(), StandardCharsets.UTF_8)).contains("is a directory");
        assertThat(missing.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.process.exitValue()).isEqualTo(1);
        assertThat(new String(missing.err.join(), StandardCharsets.UTF_8)).contains("No such file");
    }

    /** Alive and not a zombie (an orphan's zombie waits for this machine's init, which may be slow to reap). */
    private static boolean running(ProcessHandle p) {
        try {
            return ProcStat.parse(Files.readString(Path.of("/proc/" + p.pid() + "/stat")))
                    .map(stat -> stat.state() != 'Z').orElse(false);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The script running, its stdin held open as the exec channel holds it, and its output collected. */
    private record Following(Process process, CompletableFuture<byte[]> out, CompletableFuture<byte[]> err,
                             ByteArrayOutputStream sofar, ByteArrayOutputStream errSofar) {
        void awaitOut(String text) throws InterruptedException {
            until(() -> stripHeader(sofar), s -> s.endsWith(text));
            assertThat(stripHeader(sofar)).endsWith(text);
        }

        void awaitErr(String text) throws InterruptedException {
            until(() -> text(errSofar), s -> s.endsWith(text));
            assertThat(text(errSofar)).endsWith(text);
        }

        private static String text(ByteArrayOutputStream b) {
            synchronized (b) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }

        private static String stripHeader(ByteArrayOutputStream b) {
            String s = text(b);
            return s.substring(s.indexOf('\0') + 1);
        }
    }

    /** Writes {@code content} to a new {@code log}, then follows it in the root of {@code target}. */
    private Following followNew(Path log, String content, Process target, int lines) throws IOException {
        Files.writeString(log, content);
        return follow(target.pid(), log, lines);
    }

    private Following follow(long pid, Path file, int lines) throws IOException {
        List<String> command = new ArrayList<>(FollowScript.argv(pid, file.toAbsolutePath().toString(), lines));
        command.set(0, bin.resolve("sh").toAbsolutePath().toString());
        Process p = start(command);
        ByteArrayOutputStream sofar = new ByteArrayOutputStream();
        ByteArrayOutputStream errSofar = new ByteArrayOutputStream();
        return new Following(p, drain(p.getInputStream(), sofar), drain(p.getErrorStream(), errSofar), sofar, errSofar);
    }

    /** Polls {@code value} until {@code done} holds (an event the test waits for), 10 s at most; the last value. */
    private static <T> T until(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done)
            throws InterruptedException {
        T v = value.get();
        for (int i = 0; i < 200 && !done.test(v); i++) {
            Thread.sleep(50);
            v = value.get();
        }
        return v;
    }

    /** The process whose root the script reads and whose exit ends it. */
    private Process sleeper() throws IOException {
        return start(List.of(bin.resolve("sleep").toAbsolutePath().toString(), "600"));
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin.toAbsolutePath().toString());
        Process p = builder.start();
        started.add(p);
        return p;
    }

    private static CompletableFuture<byte[]> drain(InputStream in, ByteArrayOutputStream into) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (into) {
                        into.write(buf, 0, n);
                    }
                }
                return into.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
