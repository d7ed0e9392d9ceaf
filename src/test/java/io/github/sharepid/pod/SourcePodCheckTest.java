package io.github.sharepid.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import org.junit.jupiter.api.Test;

class SourcePodCheckTest {
    private static PodBuilder pod(String phase) {
        return new PodBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().endSpec().withNewStatus().withPhase(phase).endStatus();
    }

    @Test
    void runningPod_isCopyable() {
        assertThatCode(() -> SourcePodCheck.requireCopyable(pod("Running").editSpec().withNodeName("n1").endSpec().build()))
                .doesNotThrowAnyException();
    }

    @Test
    void failedPod_isCopyable_toReproduceTheFailure() {
        assertThatCode(() -> SourcePodCheck.requireCopyable(pod("Failed").build())).doesNotThrowAnyException();
    }

    @Test
    void pendingPodNotYetConsidered_isCopyable() {
        assertThatCode(() -> SourcePodCheck.requireCopyable(pod("Pending").build())).doesNotThrowAnyException();
    }

    @Test
    void podBeingDeleted_isRefusedWithExit1() {
        Pod dying = pod("Running").editMetadata().withDeletionTimestamp("2026-11-22T15:00:00Z").endMetadata().build();

        assertThatThrownBy(() -> SourcePodCheck.requireCopyable(dying)).isInstanceOfSatisfying(SharepidException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.getMessage()).isEqualTo("pod \"web\" is being deleted (since 2026-11-22T15:00:00Z); nothing was created");
        });
    }

    @Test
    void succeededPod_isRefused() {
        assertThatThrownBy(() -> SourcePodCheck.requireCopyable(pod("Succeeded").build()))
                .isInstanceOf(SharepidException.class).hasMessageStartingWith("pod \"web\" has finished (Succeeded)");
    }

    @Test
    void unschedulablePod_isRefusedWithTheSchedulersReason() {
        Pod pending = pod("Pending").editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/1 nodes are available: 1 node(s) didn't match node selector.")
                .endCondition().endStatus().build();

        assertThatThrownBy(() -> SourcePodCheck.requireCopyable(pending)).isInstanceOf(SharepidException.class)
                .hasMessage("pod \"web\" cannot be scheduled (0/1 nodes are available: 1 node(s) didn't match node"
                        + " selector.); its copy keeps the same node selection and would not be either; nothing was created");
    }
}
