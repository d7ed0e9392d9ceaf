package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads container states out of a pod's status (regular, init and ephemeral containers alike). */
final class KubeStatus {
    private KubeStatus() {
    }

    static Optional<ContainerStatus> container(Pod pod, String name) {
        if (pod == null || pod.getStatus() == null) {
            return Optional.empty();
        }
        var s = pod.getStatus();
        return Stream.of(s.getContainerStatuses(), s.getInitContainerStatuses(), s.getEphemeralContainerStatuses())
                .filter(java.util.Objects::nonNull)
                .flatMap(java.util.List::stream)
                .filter(c -> name.equals(c.getName()))
                .findFirst();
    }

    static boolean terminated(Pod pod, String name) {
        return container(pod, name)
                .map(c -> c.getState() != null && c.getState().getTerminated() != null)
                .orElse(false);
    }
}
