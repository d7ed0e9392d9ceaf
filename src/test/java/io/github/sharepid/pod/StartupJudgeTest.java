package io.github.sharepid.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the wait says while a container starts: a copy's stages, or only the new container's for an ephemeral one. */
class StartupJudgeTest {
    private final List<String> said = new ArrayList<>();

    private StartupJudge judge(String container) {
        return new StartupJudge("web-1", container, Duration.ofMinutes(1), said::add, () -> "");
    }

    /** A running pod on node-1 with an init container done; {@code tools} ephemeral and still being created. */
    private static Pod runningPodWithNewEphemeral(boolean toolsRunning) {
        io.fabric8.kubernetes.api.model.ContainerState tools = toolsRunning
                ? new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewRunning().endRunning().build()
                : new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewWaiting()
                        .withReason("ContainerCreating").endWaiting().build();
        return new PodBuilder().withNewMetadata().withName("web-1").endMetadata()
                .withNewSpec().withNodeName("node-1")
                .addNewInitContainer().withName("setup").withImage("busybox").endInitContainer()
                .addNewContainer().withName("nginx").withImage("nginx").endContainer()
                .addNewEphemeralContainer().withName("tools").withImage("busybox").endEphemeralContainer()
                .endSpec()
                .withNewStatus().withPhase("Running")
                .addNewInitContainerStatus().withName("setup").withNewState().withNewTerminated().withExitCode(0)
                .endTerminated().endState().endInitContainerStatus()
                .addNewContainerStatus().withName("nginx").withNewState().withNewRunning().endRunning().endState()
                .endContainerStatus()
                .addNewEphemeralContainerStatus().withName("tools").withImage("busybox").withState(tools)
                .endEphemeralContainerStatus()
                .endStatus().build();
    }

    @Test
    void ephemeralContainer_saysOnlyItsOwnStages_notThePodsSchedulingOrInitContainers() {
        StartupJudge judge = judge("tools");

        assertThat(judge.judge(runningPodWithNewEphemeral(false))).isEmpty();
        assertThat(judge.judge(runningPodWithNewEphemeral(true))).isPresent();

        assertThat(said).containsExactly("pulling image busybox", "container tools started");
    }

    @Test
    void copy_saysItsSchedulingAndInitContainers() {
        StartupJudge judge = judge("nginx");

        assertThat(judge.judge(runningPodWithNewEphemeral(false))).isPresent();

        assertThat(said).containsExactly("scheduled on node node-1", "init container 1/1: setup",
                "container nginx started");
    }
}
