package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.plan.EphemeralPlanner;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --ephemeral: the tools container is added once (checked, dry-run, announced), reused, and --target's rules. */
class EphemeralToolsTest {
    /** The tools container of busybox under general, no target, the profile's user: its first generation. */
    private static final String TOOLS = tools("busybox", null, null, 1);

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
    void aRunningToolsContainerOfThisKind_isReused_nothingAdded() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), TOOLS, null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + TOOLS);
        assertThat(ports.said).containsExactly("using the tools container " + TOOLS + " added to pod nginx earlier");
    }

    @Test
    void anExitedToolsContainer_isLeftAloneInOneLine_andTheNextGenerationIsAdded() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), TOOLS, null, false));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        String second = tools("busybox", null, null, 2);
        assertThat(second).isEqualTo(TOOLS + "-2");
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + second, "add ns/nginx/" + second);
        assertThat(ports.said).contains("leaving the tools container " + TOOLS + " of pod nginx alone: it cannot run"
                + " (exited with code 137)");
    }

    @Test
    void aToolsContainerOfAnotherImage_isNotReused() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), TOOLS, null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(new ToolPod("nginx", null, new ToolPod.Ephemeral("registry.invalid/tools:1",
                Profile.GENERAL, null, Duration.ofMinutes(2))), null);

        String other = tools("registry.invalid/tools:1", null, null, 1);
        assertThat(other).isNotEqualTo(TOOLS).startsWith("sharepid-tools-");
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + other, "add ns/nginx/" + other);
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + other);
    }

    @Test
    void aToolsContainerThatCannotPull_besideAHealthyOne_theHealthyOneIsUsed() {
        String second = tools("busybox", null, null, 2);
        Pod pod = withTools(withTools(SamplePods.docsPod(), TOOLS, null, false), second, null, true);
        pod.getStatus().getEphemeralContainerStatuses().set(0, new ContainerStatusBuilder().withName(TOOLS)
                .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image")
                .endWaiting().endState().build());
        FakeToolPorts ports = new FakeToolPorts(pod);
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + second);
        assertThat(ports.said).containsExactly(
                "leaving the tools container " + TOOLS + " of pod nginx alone: it cannot run (ImagePullBackOff)",
                "using the tools container " + second + " added to pod nginx earlier");
    }

    @Test
    void raceLostOnTheWrite_409Conflict_usesTheWinnersRunningContainer_addingNothingMore() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.raceLostOn = "add";
        ports.ephemeral.winnerStatus = SamplePods.running(TOOLS, SamplePods.TOOLS_ID);
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS, "add ns/nginx/" + TOOLS);
        assertThat(ports.ephemeral.added).isEmpty();
        assertThat(ports.pods.get("ns", "nginx").getSpec().getEphemeralContainers()).singleElement()
                .extracting(EphemeralContainer::getName).isEqualTo(TOOLS);
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + TOOLS);
        assertThat(ports.said).last().isEqualTo("using the tools container " + TOOLS + " that another call added to"
                + " pod nginx at the same time");
    }

    @Test
    void raceLostOnTheDryRun_alreadyExists_waitsForTheWinnersStartingContainer() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.raceLostOn = "dryRunAdd";
        ports.ephemeral.raceAnswer = "409 AlreadyExists";
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + TOOLS);
        assertThat(ports.said).endsWith("using the tools container " + TOOLS + " that another call added to pod"
                + " nginx at the same time", "container " + TOOLS + " started");
        assertThat(ports.said).noneMatch(l -> l.startsWith("adding"));
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + TOOLS);
    }

    @Test
    void raceLost_andTheWinnersContainerCannotPull_theNextGenerationIsAdded() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.raceLostOn = "add";
        ports.ephemeral.winnerStatus = new ContainerStatusBuilder().withName(TOOLS).withNewState().withNewWaiting()
                .withReason("ErrImagePull").endWaiting().endState().build();
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(ephemeral("nginx", null), null);

        assertThat(ports.ephemeral.added).extracting(EphemeralContainer::getName).containsExactly(TOOLS + "-2");
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + TOOLS + "-2");
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
        assertThat(ports.exec.calls).singleElement().extracting(FakeExec.Call::where).isEqualTo("ns/web-1/" + tools("busybox", "nginx", null, 1));
    }

    @Test
    void runAs_addsAToolsContainerOfThatUser_notReusingOneOfAnotherUser() {
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), TOOLS, null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(runningAs("nginx", 1000L), null);

        String asUser = tools("busybox", null, new TargetUser.RunAs(1000L, null), 1);
        assertThat(asUser).isNotEqualTo(TOOLS);
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + asUser, "add ns/nginx/" + asUser);
        assertThat(ports.ephemeral.added.get(0).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + asUser);
    }

    @Test
    void runAs_reusesTheToolsContainerOfTheSameUser() {
        String asUser = tools("busybox", null, new TargetUser.RunAs(1000L, null), 1);
        FakeToolPorts ports = new FakeToolPorts(withTools(SamplePods.docsPod(), asUser, null, true));
        ports.exec.answer(PsReply.nginxCopy().bytes());

        ports.table().list(runningAs("nginx", 1000L), null);

        assertThat(ports.ephemeral.calls).isEmpty();
        assertThat(ports.exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/nginx/" + asUser);
    }

    /** Before 1.23 the user could only be dropped with the securityContext: refused, nothing added. */
    @Test
    void runAs_onAServerThatAllowsNoSecurityContext_addsNothing() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.docsPod());
        ports.ephemeral.noSecurityContext = true;

        assertThatThrownBy(() -> ports.table().list(runningAs("nginx", 1000L), null))
                .hasMessageContaining("so it cannot run as UID 1000; nothing was added");
        assertThat(ports.ephemeral.calls).containsExactly("dryRunAdd ns/nginx/" + tools("busybox", null, new TargetUser.RunAs(1000L, null), 1));
        assertThat(ports.exec.calls).isEmpty();
    }

    /** The name of generation {@code generation} of the tools container of {@code image} under general. */
    private static String tools(String image, String target, TargetUser.RunAs runAs, int generation) {
        return EphemeralPlanner.TOOLS_PREFIX + EphemeralPlanner.toolsSuffix(image, Profile.GENERAL, target, runAs,
                generation);
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
