package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.SignalResult;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.proc.Signals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** signal: which processes a request selects, what the script is asked, and what comes back as failures. */
class SignalSenderTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final FakeExec exec = ports.exec;
    private final SignalSender sender = new SignalSender(ports.table(), exec);

    @ParameterizedTest(name = "-c {0} --match {1} --all={2} → {3}")
    @CsvSource(value = {
        "nginx    | worker | false | 9",
        "nginx    | null   | true  | 8 9",
        "sharepid | null   | false | 14",
        "null     | master | false | 8",
    }, delimiter = '|', nullValues = "null")
    void selection_isOneExec_thatSignalsTheChosenPidsGuardedByTheirStartTime(String container, String match,
                                                                            boolean all, String pids) {
        exec.answerChoosing(PsReply.nginxCopy().bytes(), line -> results("ok", line.replace(":96", "")));

        SignalSender.Report report = sender.send(request(List.of(), container, match, all, false));

        assertThat(exec.calls).singleElement().satisfies(c -> {
            assertThat(c.where()).isEqualTo("ns/" + COPY + "/sharepid");
            assertThat(c.argv()).isEqualTo(SignalScript.chooseArgv(Signals.parse("HUP"), false));
        });
        assertThat(exec.lines).containsExactly(java.util.Arrays.stream(pids.split(" ")).map(p -> p + ":96")
                .collect(java.util.stream.Collectors.joining(" ")));
        assertThat(report.failed()).isFalse();
        assertThat(report.results()).extracting(SignalResult::pid)
                .containsExactly(java.util.Arrays.stream(pids.split(" ")).map(Integer::valueOf).toArray(Integer[]::new));
        assertThat(report.processes()).extracting(p -> p.pid()).contains(8, 9, 14);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
        "two match without --all | nginx | null   | false | 2 | 2 processes match (PIDs 8, 9); add --all",
        "nothing matches         | nginx | redis  | false | 1 | no process of pod " + COPY + " matches container nginx --match redis",
        "the sandbox selected    | null  | pause  | false | 2 | PID 1 is the pod's sandbox",
    }, delimiter = '|', nullValues = "null")
    void selection_refuses_andTheScriptIsSentNothing(String why, String container, String match, boolean all,
                                                    int exitCode, String message) {
        exec.answerChoosing(PsReply.nginxCopy().bytes(), line -> new byte[0]);

        assertThatThrownBy(() -> sender.send(request(List.of(), container, match, all, false)))
                .isInstanceOf(SharepidException.class).hasMessageContaining(message)
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(exitCode);
        assertThat(exec.calls).hasSize(1);
        assertThat(exec.lines).as("the empty line the script signals nothing on").containsExactly("");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
        "the script failed     | invalid signal number: x | 2 | signalling in container sharepid failed (exit 2): invalid signal number: x",
        "its stdin ended early | null                     | 0 | signalling in container sharepid failed: the script ended without the PIDs; nothing was signalled",
    }, delimiter = '|', nullValues = "null")
    void selection_aScriptThatDidNotSignal_isOneLine(String why, String stderr, int code, String message) {
        exec.answer(FakeExec.choosing(PsReply.nginxCopy().bytes(), line -> new byte[0], stderr == null ? "" : stderr,
                code));

        assertThatThrownBy(() -> sender.send(request(List.of(), "nginx", "master", false, false)))
                .isInstanceOf(SharepidException.class).hasMessage(message);
        assertThat(exec.lines).containsExactly("8:96");
    }

    @Test
    void explicitPids_goInOneExecWithoutReadingTheTable() {
        exec.answer(results("ok", "8 9"));

        sender.send(request(List.of(8, 9), null, null, false, false));

        assertThat(exec.calls).singleElement().satisfies(c -> {
            assertThat(c.where()).isEqualTo("ns/" + COPY + "/sharepid");
            assertThat(c.argv().subList(6, c.argv().size())).containsExactly("8", "9");
        });
    }

    @Test
    void pid1_isRefusedUnlessForced() {
        assertThatThrownBy(() -> sender.send(request(List.of(1), null, null, false, false)))
                .hasMessageContaining("add --force");
        assertThat(exec.calls).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {
        "gone              | PID 9: no such process (it exited, or it is not in this pod)",
        "changed           | PID 9: the process exited and its PID now belongs to another one; nothing was sent",
        "fail:Operation not permitted | PID 9: permission denied: signalling another container's process needs",
    }, delimiter = '|')
    void results_thatDidNotArrive_areExplainedOneLineEach(String outcome, String line) {
        exec.answer((new String(PsReply.nginxCopy().bytes(), StandardCharsets.UTF_8) + "result:8:ok\0result:9:"
                + outcome + "\0").getBytes(StandardCharsets.UTF_8));

        SignalSender.Report report = sender.send(request(List.of(8, 9), null, null, false, false));

        assertThat(report.results()).extracting(SignalResult::pid).containsExactly(8, 9);
        assertThat(report.failed()).isTrue();
        assertThat(report.errors()).singleElement().asString().startsWith(line);
    }

    private static SignalSender.Request request(List<Integer> pids, String container, String match, boolean all,
                                                boolean force) {
        return new SignalSender.Request(ToolPod.of(COPY, null), Signals.parse("HUP"), pids, container,
                match == null ? null : Pattern.compile(match), all, false, force);
    }

    /** The script's reply: the processes as it saw them, then one result record per PID. */
    private static byte[] results(String outcome, String pids) {
        StringBuilder b = new StringBuilder(new String(PsReply.nginxCopy().bytes(), StandardCharsets.UTF_8));
        for (String pid : pids.split(" ")) {
            b.append("result:").append(pid).append(':').append(outcome).append('\0');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
