package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.Signals;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.proc.GuardedPid;
import io.github.sharepid.proc.ToolsProbe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live pod that shares its process namespace, no flag: which container the tools run in, and how it is found. */
class ToolChoiceTest {
    private static final String ID3 = "c".repeat(64);

    @Test
    void docsPod_ps_isOneGetThenOneExec_thePsScriptItselfProbingTheContainerThatAddsSysPtrace() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ProcessTable.Listing listing = ports.table().list(ToolPod.of("nginx", null), null);

        assertThat(listing.target().execContainer()).isEqualTo("shell");
        assertThat(ports.pods.calls).containsExactly("get ns/nginx");
        assertThat(ports.exec.calls).as("no guessed container the pod cannot have, no separate probe").containsExactly(
                new FakeExec.Call("ns/nginx/shell", ToolsProbe.guarded(PsScript.argv())));
        assertThat(ports.said).containsExactly("running the tools in container shell of pod nginx");
    }

    @Test
    void containersThatCannotRunTheTools_arePassedOver_andSignalIsSentOnce() {
        FakeToolPorts ports = new FakeToolPorts(pod("app", "side", "tools"));
        ports.exec.answerNotFound().answer(new byte[0], "no grep\n", 127)
                .answer((new String(PsReply.nginxCopy().bytes(), StandardCharsets.UTF_8) + "result:8:ok\0")
                        .getBytes(StandardCharsets.UTF_8));

        SignalSender.Report report = new SignalSender(ports.table(), ports.exec).send(new SignalSender.Request(
                ToolPod.of("live", null), Signals.parse("HUP"), List.of(8), null, null, false, false, false));

        assertThat(report.failed()).isFalse();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where)
                .containsExactly("ns/live/app", "ns/live/side", "ns/live/tools");
        assertThat(ports.exec.calls).allSatisfy(c -> assertThat(c.argv()).isEqualTo(
                ToolsProbe.guarded(SignalScript.argv(Signals.parse("HUP"), false, List.of(GuardedPid.pid(8))))));
        assertThat(ports.said).containsExactly(
                "running the tools in container tools of pod live (app has no sh, side has no grep)");
    }

    @Test
    void aToolMissingMidRun_isTheCommandsOwnFailure_notAProbeResult() {
        FakeToolPorts ports = new FakeToolPorts(pod("app", "side"));
        ports.exec.answer(new byte[0], "sh: grep: not found\n", 127);

        assertThatThrownBy(() -> ports.table().list(ToolPod.of("live", null), null))
                .hasMessageStartingWith("reading /proc in container app of pod live failed (exit 127): sh: grep: not found");
        assertThat(ports.exec.calls).hasSize(1);
    }

    @Test
    void noContainerCanRunTheTools_isOneLineThatOffersEphemeralAndACopy() {
        FakeToolPorts ports = new FakeToolPorts(pod("app", "side"));
        ports.exec.answerNotFound().answerNotFound();

        assertThatThrownBy(() -> ports.targets().resolve(ToolPod.of("live", null)))
                .isInstanceOf(SharepidException.class)
                .hasMessage("no running container of pod live can run the tools (they need sh, grep, cat and stat;"
                        + " app has no sh, side has no sh): add a tools container with --ephemeral, or make a copy:"
                        + " kubectl sharepid debug live -n ns")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
    }

    @Test
    void aRealFailure_endsTheSearch() {
        FakeToolPorts ports = new FakeToolPorts(pod("app", "side"));
        ports.exec.answerFailure(SharepidException.failure("forbidden: cannot create pods/exec"));

        assertThatThrownBy(() -> ports.targets().resolve(ToolPod.of("live", null)))
                .hasMessage("forbidden: cannot create pods/exec");
        assertThat(ports.exec.calls).hasSize(1);
    }

    @Test
    void order_oursFirst_thenContainersThatTrace_thenTheRest_runningOnly() {
        Pod live = new PodBuilder(pod("app", "side", "stopped"))
                .editSpec().editMatchingContainer(c -> c.getName().equals("side")).withNewSecurityContext()
                .withPrivileged(true).endSecurityContext().endContainer()
                .addNewEphemeralContainer().withName("debugger-x").withImage("busybox").endEphemeralContainer()
                .addNewEphemeralContainer().withName("sharepid-tools-q2w3e").withImage("busybox").endEphemeralContainer()
                .endSpec()
                .editStatus().withContainerStatuses(SamplePods.running("app", SamplePods.NGINX_ID),
                        SamplePods.running("side", SamplePods.DEBUG_ID), new ContainerStatusBuilder().withName("stopped")
                                .withNewState().withNewTerminated().withExitCode(0).endTerminated().endState().build())
                .withEphemeralContainerStatuses(SamplePods.running("debugger-x", ID3),
                        SamplePods.running("sharepid-tools-q2w3e", SamplePods.TOOLS_ID)).endStatus()
                .build();

        assertThat(ToolChoice.candidates(live)).containsExactly("sharepid-tools-q2w3e", "side", "app");
    }

    /** {@code live} in {@code ns}: shares its process namespace, the containers named, all running. */
    private static Pod pod(String... containers) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName("live").withNamespace("ns").endMetadata()
                .withNewSpec().withShareProcessNamespace(true).endSpec().withNewStatus().withPhase("Running").endStatus();
        String[] ids = {SamplePods.NGINX_ID, SamplePods.DEBUG_ID, ID3};
        for (int i = 0; i < containers.length; i++) {
            b.editSpec().addNewContainer().withName(containers[i]).withImage("img").endContainer().endSpec()
                    .editStatus().addToContainerStatuses(SamplePods.running(containers[i], ids[i])).endStatus();
        }
        return b.build();
    }
}
