package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.event;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.terminated;
import static io.github.sharepid.kube.fabric8.PodFixtures.unschedulable;
import static io.github.sharepid.kube.fabric8.PodFixtures.waiting;
import static io.github.sharepid.kube.fabric8.PodFixtures.withInitContainers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** awaitRunning gives up at once, with the reason and recent events, when the debug container can never run. */
class KubePodGatewayFailFastTest extends GatewayHarness {
    private static final String EVENTS = "; events: Scheduled: Successfully assigned ns/copy to node-1"
            + " | Failed: Error: it broke";

    @BeforeEach
    void recentEvents() {
        givenEvents(event("Failed", "Error: it broke", "2024-05-01T10:00:09Z"),
                event("Scheduled", "Successfully assigned ns/copy to node-1", "2024-05-01T10:00:01Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError",
                            "CreateContainerError", "RunContainerError", "CrashLoopBackOff"})
    void debugContainerWaitingForAReasonThatDoesNotPass_failsAtOnce(String reason) {
        givenWatch("1", state("2", "Pending", "node-1", running("app"), waiting(DEBUG, reason, "details here")));

        assertFailsWith("container debug in pod copy cannot start: " + reason + ": details here" + EVENTS);
    }

    @Test
    void rootImageUnderRunAsNonRoot_failsAtOnceNamingTheProfilesThatStart() {
        String kubelet = "container has runAsNonRoot and image will run as root (pod: \"copy_ns(1)\", container: debug)";
        givenWatch("1", state("2", "Pending", "node-1", running("app"),
                waiting(DEBUG, "CreateContainerConfigError", kubelet)));

        assertFailsWith("container debug in pod copy cannot start: CreateContainerConfigError: " + kubelet
                + " (the pod requires non-root: use --profile restricted, which runs the debug container as UID 65534,"
                + " or --profile general, which runs it alone as root)" + EVENTS);
    }

    @Test
    void initContainerImagePullBackOff_failsAtOnce() {
        givenWatch("1", withInitContainers(state("2", "Pending", "node-1"), List.of("setup"),
                waiting("setup", "ImagePullBackOff", "Back-off pulling image \"nope\"")));

        assertFailsWith("init container setup in pod copy cannot start: ImagePullBackOff:"
                + " Back-off pulling image \"nope\"" + EVENTS);
    }

    @Test
    void unschedulable_failsWithTheSchedulersMessage() {
        givenWatch("1", unschedulable("2", "0/3 nodes are available: 3 Insufficient memory."));

        assertFailsWith("pod copy cannot be scheduled: 0/3 nodes are available: 3 Insufficient memory." + EVENTS);
    }

    @Test
    void debugContainerExited_failsWithExitCodeAndReason() {
        givenWatch("1", state("2", "Running", "node-1", running("app"), terminated(DEBUG, 127, "Error")));

        assertFailsWith("container debug in pod copy exited with code 127 (Error)" + EVENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Failed", "Succeeded"})
    void podPhaseFinished_fails(String phase) {
        Pod finished = new PodBuilder(state("2", phase, "node-1")).editStatus().withReason("Evicted")
                .withMessage("The node was low on resource: memory.").endStatus().build();
        givenWatch("1", finished);

        assertFailsWith("pod copy is " + phase + ": Evicted: The node was low on resource: memory." + EVENTS);
    }

    private void assertFailsWith(String message) {
        assertThatThrownBy(() -> gateway.awaitRunning(state("1", "Pending", null), DEBUG, Duration.ofSeconds(20),
                progress::add))
                .isInstanceOf(SharepidException.class)
                .hasMessage(message)
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
        assertThat(watches.opened).hasValue(1);
        assertThat(watches.closed).as("the watch ended with the wait").hasValue(1);
    }
}
