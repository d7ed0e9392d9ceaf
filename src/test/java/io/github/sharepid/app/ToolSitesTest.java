package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which pod and container ps, signal and peek-root run in, and every reason they refuse one. */
class ToolSitesTest {
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a pod that does not share its process namespace", edit(p -> new PodBuilder(p)
                        .editSpec().withShareProcessNamespace(false).endSpec().build()), null,
                        SharepidException.FAILURE, "does not share its process namespace"),
                Arguments.of("an --exec-container the pod does not have", edit(p -> p), "nope",
                        SharepidException.USAGE, "pod web-1-sharepid-abcde has no container nope"),
                Arguments.of("an ephemeral --exec-container that has not started", edit(p -> new PodBuilder(p)
                        .editSpec().addNewEphemeralContainer().withName("dbg").withImage("busybox").endEphemeralContainer()
                        .endSpec().build()), "dbg",
                        SharepidException.FAILURE, "container dbg of pod web-1-sharepid-abcde has not started yet"),
                Arguments.of("a debug container that exited", edit(p -> new PodBuilder(p).editStatus()
                        .withContainerStatuses(SamplePods.running("nginx", SamplePods.NGINX_ID), new ContainerStatusBuilder()
                                .withName("sharepid").withNewState().withNewTerminated().withExitCode(3)
                                .endTerminated().endState().build()).endStatus().build()), null,
                        SharepidException.FAILURE, "container sharepid of pod web-1-sharepid-abcde exited with code 3"));
    }

    /** A pod that has finished is said to be so first, not offered --ephemeral, which it would refuse. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Succeeded", "Failed"})
    void finishedPod_saysSoAndOffersACopy_notEphemeral(String phase) {
        Pod done = new PodBuilder(SamplePods.source()).editStatus().withPhase(phase).endStatus().build();
        ToolSites targets = new FakeToolPorts(done).targets();

        assertThatThrownBy(() -> targets.resolve(ToolPod.of("web-1", null))).isInstanceOf(SharepidException.class)
                .hasMessage("pod web-1 in namespace ns is " + phase + ": none of its containers runs, so there are no"
                        + " processes to read, and an ephemeral container can only join a running pod; a copy starts"
                        + " them again: kubectl sharepid debug web-1 -n ns")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void resolve_refuses(String why, Pod pod, String execFlag, int exitCode, String message) {
        ToolSites targets = new FakeToolPorts(pod).targets();

        assertThatThrownBy(() -> targets.resolve(ToolPod.of(pod.getMetadata().getName(), execFlag)))
                .isInstanceOf(SharepidException.class).hasMessageContaining(message)
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(exitCode);
    }

    @ParameterizedTest(name = "--exec-container {0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource(value = {"null, sharepid", "nginx, nginx"}, nullValues = "null")
    void resolve_runsInTheCopysDebugContainerUnlessTold(String execFlag, String expected) {
        ToolSite target = new FakeToolPorts(SamplePods.copy()).targets()
                .resolve(ToolPod.of("web-1-sharepid-abcde", execFlag));

        assertThat(target.namespace()).isEqualTo("ns");
        assertThat(target.name()).isEqualTo("web-1-sharepid-abcde");
        assertThat(target.execContainer()).isEqualTo(expected);
    }

    private static Pod edit(UnaryOperator<Pod> change) {
        return change.apply(SamplePods.copy());
    }
}
