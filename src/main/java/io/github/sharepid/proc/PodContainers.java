package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The pod's containers as attribution needs them: names, and runtime container IDs mapped to names. */
final class PodContainers {
    private PodContainers() {
    }

    /** Container names from the spec: init, regular and ephemeral containers, in that order. */
    static List<String> names(Pod pod) {
        PodSpec spec = pod.getSpec();
        List<String> names = new ArrayList<>();
        if (spec != null) {
            Stream.of(spec.getInitContainers(), spec.getContainers()).flatMap(Stream::ofNullable)
                    .flatMap(List::stream).map(Container::getName).forEach(names::add);
            Stream.ofNullable(spec.getEphemeralContainers()).flatMap(List::stream)
                    .map(EphemeralContainer::getName).forEach(names::add);
        }
        return names;
    }

    /**
     * Container name by runtime ID (the part after {@code containerd://}, {@code docker://}, {@code cri-o://}),
     * from the current and the last terminated instance of every container in the status.
     */
    static Map<String, String> byId(Pod pod) {
        Map<String, String> byId = new HashMap<>();
        PodStatus status = pod.getStatus();
        if (status == null) {
            return byId;
        }
        Stream.of(status.getInitContainerStatuses(), status.getContainerStatuses(),
                        status.getEphemeralContainerStatuses())
                .flatMap(Stream::ofNullable).flatMap(List::stream)
                .forEach(s -> {
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
