package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.pod.Containers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The pod's runtime container IDs mapped to container names, as attribution needs them. */
final class PodContainers {
    private PodContainers() {
    }

    /**
     * Container name by runtime ID (the part after {@code containerd://}, {@code docker://}, {@code cri-o://}),
     * from the current and the last terminated instance of every container in the status.
     */
    static Map<String, String> byId(Pod pod) {
        Map<String, String> byId = new HashMap<>();
        Containers.statuses(pod).forEach(s -> {
            id(s.getContainerID()).ifPresent(id -> byId.put(id, s.getName()));
            lastId(s).ifPresent(id -> byId.putIfAbsent(id, s.getName()));
        });
        return byId;
    }

    private static Optional<String> lastId(ContainerStatus s) {
        if (s.getLastState() == null || s.getLastState().getTerminated() == null) {
            return Optional.empty();
        }
        return id(s.getLastState().getTerminated().getContainerID());
    }

    private static Optional<String> id(String containerId) {
        if (containerId == null || containerId.isEmpty()) {
            return Optional.empty();
        }
        int scheme = containerId.indexOf("://");
        return Optional.of(containerId.substring(scheme < 0 ? 0 : scheme + 3).toLowerCase(Locale.ROOT));
    }
}
