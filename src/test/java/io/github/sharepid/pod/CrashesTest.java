package io.github.sharepid.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which source pods get the hint about {@code --hold}, and what it says. */
class CrashesTest {
    @Test
    void healthyPod_getsNoHint() {
        assertThat(Crashes.holdHint(pod(status("web", 0, null)))).isEmpty();
    }

    @Test
    void oneContainerWithRestarts_isNamedInTheHint() {
        assertThat(Crashes.holdHint(pod(status("web", 0, null), status("app", 1, null))))
                .isEqualTo(Optional.of("container app (1 restart) of pod p keeps crashing and would in the copy too;"
                        + " --hold app keeps it waiting instead, for ps and peek-root"));
    }

    @Test
    void severalCrashLooping_areAllNamed() {
        assertThat(Crashes.holdHint(pod(status("a", 3, "CrashLoopBackOff"), status("b", 0, "CrashLoopBackOff"))))
                .isEqualTo(Optional.of("containers a (CrashLoopBackOff, 3 restarts), b (CrashLoopBackOff, 0 restarts)"
                        + " of pod p keep crashing and would in the copy too; --hold NAME (repeatable) keeps it"
                        + " waiting instead, for ps and peek-root"));
    }

    @Test
    void podWithoutStatus_getsNoHint() {
        assertThat(Crashes.holdHint(new PodBuilder().withNewMetadata().withName("p").endMetadata().build())).isEmpty();
    }

    private static Pod pod(ContainerStatus... statuses) {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewStatus()
                .withContainerStatuses(statuses).endStatus().build();
    }

    private static ContainerStatus status(String name, int restarts, String waiting) {
        ContainerStatusBuilder b = new ContainerStatusBuilder().withName(name).withRestartCount(restarts);
        return waiting == null ? b.withNewState().withNewRunning().endRunning().endState().build()
                : b.withNewState().withNewWaiting().withReason(waiting).endWaiting().endState().build();
    }
}
