package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --ephemeral: the tools container is added once (checked, dry-run, announced), reused, and --target's rules. */
class EphemeralToolsTest {
    private static final String TOOLS = "sharepid-tools-abcde";

    @Test
    void sharedPod_addsOneToolsContainer_afterADryRun_andSaysOnceThatItIsForGood() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ProcessTable.Listing listing = ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS, "add ns/nginx/" + TOOLS);
        EphemeralContainer added = ports.ephemeral.added.get(0);
        assertThat(added.getImage()).isEqualTo("busybox");
        assertThat(added.getCommand()).containsExactly("sleep", "2147483647");
        assertThat(added.getTargetContainerName()).isNull();
        assertThat(added.getTty()).isNull();
        assertThat(added.getSecurityContext().getCapabilities().getAdd()).containsExactly("SYS_PTRACE");
        assertThat(ports.exec.calls).containsExactly(new FakeExec.Call("ns/nginx/" + TOOLS, PsScript.argv()));
        assertThat(listing.target().isolatedTo()).isNull();
        assertThat(ports.said).filteredOn(l -> l.contains("the API can never remove an ephemeral container"))
                .singleElement().asString().startsWith("adding the ephemeral container " + TOOLS + " (busybox) to the"
                        + " live pod nginx: this changes the pod's spec");
    }

    @Test
    void aRunningToolsContainerOfOurs_isReused_nothingAdded() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), "sharepid-tools-q2w3e", null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/sharepid-tools-q2w3e");
        assertThat(ports.said).containsExactly("using the tools container sharepid-tools-q2w3e added to pod nginx earlier");
    }

    @Test
    void anExitedToolsContainer_isNotReused() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), "sharepid-tools-q2w3e", null, false));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS, "add ns/nginx/" + TOOLS);
    }

    @Test
    void podThatDoesNotShare_withoutTarget_isAUsageError_andNothingIsAdded() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.source());

        assertThatThrownBy(() -> ports.table().list(ephemeral("web-1", null), null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("pod web-1 does not share its process namespace: name the container whose processes the"
                        + " tools should see with --target (one of: nginx)")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).isEmpty();
    }

    @Test
    void podThatDoesNotShare_withTarget_joinsThatContainer_andSaysOnlyItIsVisible() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.source(), "sharepid-tools-q2w3e", "other", true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ProcessTable.Listing listing = ports.table().list(ephemeral("web-1", "nginx"), null);

        assertThat(ports.ephemeral.added).singleElement().extracting(EphemeralContainer::getTargetContainerName)
                .isEqualTo("nginx");
        assertThat(listing.target().isolatedTo()).isEqualTo("nginx");
        assertThat(ports.said).contains("note: pod web-1 does not share its process namespace: only the processes of"
                + " container nginx are visible");
    }

    @Test
    void targetThatIsNoContainer_isAUsageErrorNamingTheValidOnes() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.source());

        assertThatThrownBy(() -> ports.targets().resolve(ephemeral("web-1", "redis")))
                .hasMessage("--target redis: the pod has no such container; valid: nginx");
        assertThat(ports.ephemeral.calls).isEmpty();
    }

    @Test
    void podSecurityLevelThatRefusesTheProfile_stopsBeforeTheDryRun() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.lookups.namespaceLabels = Map.of("pod-security.kubernetes.io/enforce", "baseline");

        assertThatThrownBy(() -> ports.targets().resolve(ephemeral("nginx", null)))
                .hasMessage("namespace ns enforces pod-security \"baseline\": profile general adds SYS_PTRACE;"
                        + " use --profile baseline");
        assertThat(ports.ephemeral.calls).isEmpty();
    }

    @Test
    void aRefusedDryRun_addsNothing_andSaysNothingAboutAdding() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.refusal = SharepidException.failure("forbidden: cannot update pods/ephemeralcontainers");

        assertThatThrownBy(() -> ports.targets().resolve(ephemeral("nginx", null)))
                .hasMessage("forbidden: cannot update pods/ephemeralcontainers");
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS);
        assertThat(ports.said).noneMatch(l -> l.startsWith("adding"));
    }

    @Test
    void serverThatForbidsASecurityContext_getsTheContainerWithoutOne_andANote() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.noSecurityContext = true;
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.added).singleElement().extracting(EphemeralContainer::getSecurityContext).isNull();
        assertThat(ports.said).anyMatch(l -> l.startsWith("note: this API server allows no securityContext in an"
                + " ephemeral container (Kubernetes before 1.23): " + TOOLS + " runs as its image's user"));
    }

    @Test
    void serverThatForbidsASecurityContext_refusesRestricted_addingNothing() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.noSecurityContext = true;

        assertThatThrownBy(() -> ports.targets().resolve(new ToolPod("nginx", null, new ToolPod.Ephemeral("busybox",
                Profile.RESTRICTED, null, Duration.ofMinutes(2)))))
                .hasMessage("this API server allows no securityContext in an ephemeral container (Kubernetes before"
                        + " 1.23), so profile restricted cannot be applied; nothing was added");
        assertThat(ports.ephemeral.added).isEmpty();
    }

    @Test
    void isolatedTarget_pid1IsTheContainersMainProcess_andMayBeSignalled() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.source());
        ports.exec.answer((new String(PsReply.nginxCopy().bytes(), StandardCharsets.UTF_8) + "result:1:ok\0")
                .getBytes(StandardCharsets.UTF_8));

        SignalSender.Report report = new SignalSender(ports.table(), ports.exec).send(new SignalSender.Request(
                ephemeral("web-1", "nginx"), Signals.parse("HUP"), List.of(1), null, null, false, false, false));

        assertThat(report.failed()).isFalse();
        assertThat(ports.exec.calls).singleElement().extracting(FakeExec.Call::where).isEqualTo("ns/web-1/" + TOOLS);
    }

    @Test
    void runAs_addsAToolsContainerOfThatUser_notReusingOneOfAnotherUser() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), "sharepid-tools-q2w3e", null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(runningAs("nginx", 1000L), null);

        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS, "add ns/nginx/" + TOOLS);
        assertThat(ports.ephemeral.added.get(0).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + TOOLS);
    }

    @Test
    void runAs_reusesAToolsContainerOfTheSameUser() {
        Pod pod = withTools(SamplePods.docsPod(), "sharepid-tools-q2w3e", null, true);
        pod.getSpec().getEphemeralContainers().get(0).setSecurityContext(
                new io.fabric8.kubernetes.api.model.SecurityContextBuilder().withRunAsUser(1000L).build());
        FakeToolPorts ports = new FakeToolPorts(pod);
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(runningAs("nginx", 1000L), null);

        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/sharepid-tools-q2w3e");
    }

    /** Before 1.23 the user could only be dropped with the securityContext: refused, nothing added. */
    @Test
    void runAs_onAServerThatAllowsNoSecurityContext_addsNothing() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.noSecurityContext = true;

        assertThatThrownBy(() -> ports.table().list(runningAs("nginx", 1000L), null))
                .hasMessageContaining("so it cannot run as UID 1000; nothing was added");
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS);
        assertThat(ports.exec.calls).isEmpty();
    }

    private static ToolPod runningAs(String pod, long uid) {
        return new ToolPod(pod, null, new ToolPod.Ephemeral("busybox", Profile.GENERAL, null, Duration.ofMinutes(2),
                new io.github.sharepid.plan.TargetUser.Request(false, null,
                        new io.github.sharepid.plan.TargetUser.RunAs(uid, null))));
    }

    private static ToolPod ephemeral(String pod, String target) {
        return new ToolPod(pod, null, new ToolPod.Ephemeral("busybox", Profile.GENERAL, target, Duration.ofMinutes(2)));
    }

    /** {@code pod} with a tools container of ours, running or exited. */
    private static Pod withTools(Pod pod, String name, String target, boolean running) {
        return new PodBuilder(pod).editSpec().addNewEphemeralContainer().withName(name).withImage("busybox")
                .withTargetContainerName(target).endEphemeralContainer().endSpec()
                .editStatus().addToEphemeralContainerStatuses(running ? SamplePods.running(name, SamplePods.TOOLS_ID)
                        : new io.fabric8.kubernetes.api.model.ContainerStatusBuilder().withName(name).withNewState()
                                .withNewTerminated().withExitCode(137).endTerminated().endState().build()).endStatus()
                .build();
    }
}
