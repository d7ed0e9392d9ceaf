package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.sharepid.proc.SignalResult.Outcome;
import org.junit.jupiter.api.Test;

class SignalResultsTest {

    @Test
    void parse_dryRunCapture_isDryForTheMaster() {
        assertThat(SignalResults.parse(Fixtures.bytes("signal-dry.bin")))
                .containsExactly(new SignalResult(8, Outcome.DRY, ""));
    }

    @Test
    void parse_signalZeroCapture_reportsOkChangedGoneAndInvalidInTargetOrder() {
        assertThat(SignalResults.parse(Fixtures.bytes("signal-zero.bin"))).containsExactly(
                new SignalResult(8, Outcome.OK, ""),
                new SignalResult(14, Outcome.OK, ""),
                new SignalResult(15, Outcome.CHANGED, ""),
                new SignalResult(4242, Outcome.GONE, ""),
                new SignalResult(0, Outcome.FAIL, "invalid target 0"));
    }

    @Test
    void parse_epermCapture_failsWithKillsErrorText() {
        assertThat(SignalResults.parse(Fixtures.bytes("signal-eperm.bin"))).containsExactly(
                new SignalResult(7, Outcome.FAIL, "sh: can't kill pid 7: Operation not permitted"),
                new SignalResult(20, Outcome.OK, ""));
    }

    @Test
    void parse_realHupThenTheReplacedWorker_isOkThenGone() {
        assertThat(SignalResults.parse(Fixtures.bytes("signal-hup.bin")))
                .containsExactly(new SignalResult(8, Outcome.OK, ""));
        assertThat(SignalResults.parse(Fixtures.bytes("signal-gone-worker.bin")))
                .containsExactly(new SignalResult(14, Outcome.GONE, ""));
    }

    @Test
    void parse_unexpectedResultRecord_isAFailureCarryingTheRawText() {
        byte[] out = new ProcOutput().record("result", "8:exploded").record("result", "x:ok").bytes();

        assertThat(SignalResults.parse(out)).containsExactly(
                new SignalResult(0, Outcome.FAIL, "unexpected result: 8:exploded"),
                new SignalResult(0, Outcome.FAIL, "unexpected result: x:ok"));
    }

    @Test
    void processRecordsOfTheSignalCapture_attributeLikeTheListing() {
        ProcSnapshot snapshot = ProcParser.parse(Fixtures.bytes("signal-zero.bin"));

        assertThat(Attribution.attribute(snapshot, Fixtures.pod("docs-pod.json"), "shell"))
                .extracting(ProcessInfo::pid, ProcessInfo::container, ProcessInfo::user, ProcessInfo::command)
                .containsExactly(
                        tuple(8, "nginx", "root", "nginx: master process nginx -g daemon off;"),
                        tuple(14, "nginx", "nginx", "nginx: worker process"),
                        tuple(15, "nginx", "nginx", "nginx: worker process"));
    }
}
