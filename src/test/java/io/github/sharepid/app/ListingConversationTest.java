package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.CommandNotFound;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.GuardedPid;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.proc.Signals;
import io.github.sharepid.proc.ToolsProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A choice from the process table acted on in the same exec: the listing is split from what follows at the listed
 * record, however the frames cut it; nothing reaches the script's stdin but the chosen line, or the empty line on
 * which it does nothing.
 */
@Timeout(20)
class ListingConversationTest {
    private static final String LISTING = "self:42\0uptime:100.0 50.0\n\0001/cmdline:/pause\0";
    private static final String REPLY = "uptime:100.0 50.0\n\0result:8:ok\0";
    private static final List<String> ARGV = SignalScript.chooseArgv(Signals.parse("HUP"), false);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream after = new ByteArrayOutputStream();
    private final ByteArrayOutputStream afterErr = new ByteArrayOutputStream();

    @Test
    void listingAndWhatFollows_splitAtTheMarker_evenWhenEveryByteIsAFrameOfItsOwn() {
        Exec exec = script(LISTING + PsScript.LISTED + ":0\0", REPLY, 0, "", 1);

        try (ListingConversation c = open(exec)) {
            assertThat(new String(c.listing(), StandardCharsets.UTF_8)).isEqualTo(LISTING);
            assertThat(c.finish(line("8:96\n"))).isZero();
        }
        assertThat(after.toString(StandardCharsets.UTF_8)).isEqualTo(REPLY);
        assertThat(lines).containsExactly("8:96\n");
    }

    @Test
    void theMarkerInsideARecord_isData_notTheEndOfTheListing() {
        String listing = "uptime:1.0 1.0\n\0009/cmdline:" + PsScript.LISTED + ":0\0" + "9/cmdline:x\0";
        Exec exec = script(listing + PsScript.LISTED + ":0\0", REPLY, 0, "", 7);

        try (ListingConversation c = open(exec)) {
            assertThat(new String(c.listing(), StandardCharsets.UTF_8)).isEqualTo(listing);
            c.finish(line("8\n"));
        }
        assertThat(after.toString(StandardCharsets.UTF_8)).isEqualTo(REPLY);
    }

    @Test
    void closedWithoutTargets_theScriptGetsTheEmptyLine_whatItWritesThenIsDropped_andCloseWaitsForItsEnd() {
        Exec exec = script(LISTING + PsScript.LISTED + ":0\0", "uptime:100.0 50.0\n\0", 0, "late\n", 4096);

        open(exec).close();

        assertThat(lines).containsExactly("\n");
        assertThat(after.size()).as("not the used conversation's output").isZero();
        assertThat(afterErr.size()).isZero();
    }

    @Test
    void aScriptThatEndsBeforeTheListing_failsAsPsDoes() {
        Exec exec = script("self:42\0", "", 1, "sh: cd: can't cd to /proc\n", 4096);

        assertThatThrownBy(() -> open(exec)).isInstanceOf(SharepidException.class).hasMessage(
                "reading /proc in container shell of pod web failed (exit 1): sh: cd: can't cd to /proc;"
                        + " the container needs sh and grep (busybox has them)");
    }

    @Test
    void aListingWhoseGrepFailed_failsAsPsDoes_andTheScriptIsToldNothing() {
        Exec exec = script("self:42\0" + PsScript.LISTED + ":2\0", "", 0, "", 4096);

        assertThatThrownBy(() -> open(exec)).hasMessageStartingWith(
                "reading /proc in container shell of pod web failed (exit 2)");
        assertThat(lines).containsExactly("\n");
    }

    @Test
    void aToolMissingBehindTheGuard_isThrownAsTheProbeSaysIt_soTheNextContainerIsTried() {
        Exec missing = (ns, pod, container, argv, stdin, stdout, stderr) -> {
            assertThat(argv.get(2)).startsWith(ToolsProbe.guarded(List.of("sh", "-c", "")).get(2));
            write(stderr, "no grep\n");
            return ToolsProbe.MISSING;
        };

        assertThatThrownBy(() -> open(new GuardedExec(missing))).isInstanceOf(GuardedExec.ToolsMissing.class)
                .hasMessage("no grep");
    }

    @Test
    void anExecThatCannotStart_isThrownAsItWas() {
        Exec noShell = (ns, pod, container, argv, stdin, stdout, stderr) -> {
            throw new CommandNotFound("exec: \"sh\": executable file not found in $PATH");
        };

        assertThatThrownBy(() -> open(noShell)).isInstanceOf(CommandNotFound.class);
    }

    @Test
    void aScriptThatFailsAfterTheLine_endsWithItsCode_itsStderrPassedOn() {
        Exec exec = script(LISTING + PsScript.LISTED + ":0\0", "", 2, "invalid signal number: x\n", 4096);

        try (ListingConversation c = open(exec)) {
            assertThat(c.finish(line("8\n"))).isEqualTo(2);
        }
        assertThat(afterErr.toString(StandardCharsets.UTF_8)).isEqualTo("invalid signal number: x\n");
    }

    @Test
    void anExecThatEndedBeforeTheLineWasSent_isOneLineSayingNothingWasDone() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Thread> ran = new java.util.concurrent.atomic.AtomicReference<>();
        Exec exec = (ns, pod, container, argv, stdin, stdout, stderr) -> {
            ran.set(Thread.currentThread());
            write(stdout, LISTING + PsScript.LISTED + ":0\0");
            return 137; // killed without reading its stdin
        };

        ListingConversation c = open(exec);
        ran.get().join(); // the exec's thread is over: no line can reach the script now

        assertThatThrownBy(() -> c.finish(line("8\n"))).isInstanceOf(SharepidException.class).hasMessage(
                "the exec in container shell of pod web ended (exit 137) before it was sent the PIDs to signal;"
                        + " nothing was done");
    }

    @Test
    void stdinAfterTheLine_endsAtOnce_orWhenHeld_onlyWithTheExec() throws InterruptedException {
        for (boolean hold : new boolean[] {false, true}) {
            java.util.concurrent.atomic.AtomicBoolean endedWhileRunning = new java.util.concurrent.atomic.AtomicBoolean();
            Thread[] reader = new Thread[1];
            Exec exec = (ns, pod, container, argv, stdin, stdout, stderr) -> {
                write(stdout, LISTING + PsScript.LISTED + ":0\0");
                readLine(stdin);
                reader[0] = new Thread(() -> readLine(stdin)); // what the follow script's watcher does
                reader[0].start();
                try {
                    reader[0].join(hold ? 200 : 5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                endedWhileRunning.set(!reader[0].isAlive());
                return 0;
            };

            try (ListingConversation c = open(exec, hold)) {
                c.finish(line("8\n"));
            }
            reader[0].join(5000);
            assertThat(reader[0].isAlive()).as("the stdin ended once the exec did").isFalse();
            assertThat(endedWhileRunning.get()).as("held: " + hold).isEqualTo(!hold);
        }
    }

    private ListingConversation open(Exec exec) {
        return open(exec, false);
    }

    private ListingConversation open(Exec exec, boolean holdStdin) {
        return ListingConversation.open(exec, "ns", "web", "shell",
                new ListingConversation.Script(ARGV, "the PIDs to signal", after, afterErr, holdStdin));
    }

    private static byte[] line(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A script that writes {@code beforeLine} in frames of {@code frame} bytes, reads one line of stdin (kept in
     * {@link #lines}), writes {@code afterLine} and {@code stderrText}, and exits {@code code}.
     */
    private Exec script(String beforeLine, String afterLine, int code, String stderrText, int frame) {
        return (ns, pod, container, argv, stdin, stdout, stderr) -> {
            assertThat(argv).isEqualTo(ARGV);
            byte[] out = beforeLine.getBytes(StandardCharsets.UTF_8);
            for (int off = 0; off < out.length; off += frame) {
                writeBytes(stdout, out, off, Math.min(frame, out.length - off));
            }
            if (beforeLine.contains(PsScript.LISTED)) {
                lines.add(readLine(stdin));
            }
            write(stdout, afterLine);
            write(stderr, stderrText);
            return code;
        };
    }

    private static String readLine(InputStream stdin) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = stdin.read(); b >= 0; b = stdin.read()) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        writeBytes(out, b, 0, b.length);
    }

    private static void writeBytes(OutputStream out, byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
