package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.proc.Signals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** signal --main on one pod: the container's main process (its parent outside the container), guarded as ever. */
class SignalMainTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final SignalSender sender = new SignalSender(ports.table(), ports.exec);

    @Test
    void main_selectsTheMasterNotTheWorker_noRegexNeeded() {
        ports.exec.answerChoosing(PsReply.nginxCopy().bytes(), line -> (new String(PsReply.nginxCopy().bytes(),
                StandardCharsets.UTF_8) + "result:8:ok\0").getBytes(StandardCharsets.UTF_8));

        SignalSender.Report report = sender.send(request("nginx"));

        assertThat(ports.exec.calls).hasSize(1);
        assertThat(ports.exec.lines).containsExactly("8:96");
        assertThat(report.failed()).isFalse();
    }

    @Test
    void main_ofAContainerWithoutProcesses_isOneFailure_andNothingIsSent() {
        ports.exec.answerChoosing(new PsReply().process(1, 0, SamplePods.SANDBOX_ID, "pause", "/pause").bytes(),
                line -> new byte[0]);

        assertThatThrownBy(() -> sender.send(request("nginx")))
                .hasMessage("container nginx of pod " + COPY + " has no running process");
        assertThat(ports.exec.calls).hasSize(1);
        assertThat(ports.exec.lines).containsExactly("");
    }

    private static SignalSender.Request request(String container) {
        return new SignalSender.Request(ToolPod.of(COPY, null), Signals.parse("HUP"), List.of(), container, null,
                false, false, false, true);
    }
}
