package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;

/** Reads a pod's status: a condition, the phase, whether it is unschedulable, a one-line summary. */
public final class PodStates {
    private PodStates() {
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        PodStatus status = pod.getStatus();
        return status == null || status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    public static boolean isRunning(ContainerStatus status) {
        return status.getState() != null && status.getState().getRunning() != null;
    }

    /** E.g. {@code Pending, container debug waiting: ContainerCreating}, for timeout messages. */
    /**
     * The scheduler's message (or {@code Unschedulable}) when it found no node for the pod and the pod is
     * bound to none; empty otherwise.
     */
    public static Optional<String> unschedulable(Pod pod) {
        if (pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
            return Optional.empty();
        }
        return condition(pod, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()))
                .map(c -> c.getMessage() == null ? "Unschedulable" : c.getMessage().strip());
    }

    public static String summary(Pod pod, String container) {
        String scheduled = pod.getSpec() != null && pod.getSpec().getNodeName() != null ? ""
                : condition(pod, "PodScheduled").map(c -> ", not scheduled"
                        + (c.getReason() == null ? "" : ": " + c.getReason())).orElse(", not scheduled yet");
        String state = Containers.status(pod, container).map(s -> describe(s.getState()))
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
