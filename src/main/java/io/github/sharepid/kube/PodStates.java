package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads what the waits need from a pod's status: one container's status, a condition, a one-line summary. */
final class PodStates {
    private PodStates() {
    }

    /** The status of the container, init container or ephemeral container called {@code name}. */
    static Optional<ContainerStatus> container(Pod pod, String name) {
        PodStatus status = pod.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        return Stream.of(status.getContainerStatuses(), status.getInitContainerStatuses(),
                        status.getEphemeralContainerStatuses())
                .filter(Objects::nonNull).flatMap(List::stream)
                .filter(s -> name.equals(s.getName())).findFirst();
    }

    static Optional<PodCondition> condition(Pod pod, String type) {
        PodStatus status = pod.getStatus();
        return status == null || status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    static boolean isRunning(ContainerStatus status) {
        return status.getState() != null && status.getState().getRunning() != null;
    }

    /** E.g. {@code Pending, container debug waiting: ContainerCreating}, for timeout messages. */
    static String summary(Pod pod, String container) {
        String scheduled = pod.getSpec() != null && pod.getSpec().getNodeName() != null ? ""
                : condition(pod, "PodScheduled").map(c -> ", not scheduled"
                        + (c.getReason() == null ? "" : ": " + c.getReason())).orElse(", not scheduled yet");
        String state = container(pod, container).map(s -> describe(s.getState()))
                .orElse("not created yet");
        return phase(pod) + scheduled + ", container " + container + " " + state;
    }

    private static String describe(ContainerState state) {
        if (state == null) {
            return "has no state yet";
        }
        if (state.getRunning() != null) {
            return "running";
        }
        if (state.getTerminated() != null) {
            return "terminated with exit code " + state.getTerminated().getExitCode();
        }
        String reason = state.getWaiting() == null ? null : state.getWaiting().getReason();
        return reason == null ? "waiting" : "waiting: " + reason;
    }
}
