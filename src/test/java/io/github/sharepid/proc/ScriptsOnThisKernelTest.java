package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.proc.SignalResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exact script texts with a local busybox against this machine's /proc (skipped without busybox),
 * so a change to a script cannot pass on the captures alone. Signals go only to a sleep this test started.
 */
class ScriptsOnThisKernelTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");

    @TempDir
    Path bin;

    @BeforeEach
    void busyboxApplets() throws IOException {
        assumeTrue(Files.isExecutable(BUSYBOX) && Files.isDirectory(Path.of("/proc/self")), "needs busybox");
        for (String applet : List.of("sh", "grep", "tr", "kill", "sleep")) {
            Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
        }
    }

    @Test
    void psScript_listsThisJvmWithItsArgumentsAndLeavesItselfOut() throws Exception {
        byte[] out = run(PsScript.argv());

        ProcSnapshot snapshot = ProcParser.parse(out);
        List<ProcessInfo> rows = Attribution.attribute(snapshot, new PodBuilder().build(), "here");

        ProcessHandle jvm = ProcessHandle.current();
        String[] jvmArguments = jvm.info().arguments().orElseThrow();
        assertThat(rows).filteredOn(p -> p.pid() == jvm.pid()).singleElement()
                .satisfies(p -> assertThat(p.args()).endsWith(jvmArguments))
                .satisfies(p -> assertThat(p.uid()).isGreaterThanOrEqualTo(0));
        assertThat(snapshot.processes()).containsKey(snapshot.selfPid());
        assertThat(rows).extracting(ProcessInfo::pid).doesNotContain(snapshot.selfPid());
    }

    @Test
    void signalScript_dryRunZeroChangedTermAndGone_onASleepOfThisTest() throws Exception {
        Process sleep = new ProcessBuilder(bin.resolve("sleep").toString(), "60").start();
        try {
            int pid = (int) sleep.pid();
            long start = ProcStat.parse(Files.readString(Path.of("/proc/" + pid + "/stat"))).orElseThrow().startTicks();
            SignalTarget guarded = new SignalTarget(pid, start);

            assertThat(results(Signals.parse("TERM"), true, guarded)).containsExactly(new SignalResult(pid, Outcome.DRY, ""));
            assertThat(results(Signals.parse("0"), false, guarded)).containsExactly(new SignalResult(pid, Outcome.OK, ""));
            assertThat(results(Signals.parse("TERM"), false, new SignalTarget(pid, start + 1)))
                    .containsExactly(new SignalResult(pid, Outcome.CHANGED, ""));
            assertThat(sleep.isAlive()).isTrue();

            assertThat(results(Signals.parse("TERM"), false, guarded)).containsExactly(new SignalResult(pid, Outcome.OK, ""));
            assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sleep.exitValue()).isEqualTo(128 + 15);
            assertThat(results(Signals.parse("TERM"), false, guarded)).containsExactly(new SignalResult(pid, Outcome.GONE, ""));
        } finally {
            sleep.destroyForcibly();
        }
    }

    private List<SignalResult> results(Signal signal, boolean dryRun, SignalTarget target) throws Exception {
        return SignalResults.parse(run(SignalScript.argv(signal, dryRun, List.of(target))));
    }

    private byte[] run(List<String> argv) throws Exception {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve("sh").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }
}
