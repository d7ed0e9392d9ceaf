package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pod's containers of every kind (init, regular, ephemeral): the one list of names from the spec and
 * the one status lookup, so that "is there such a container" and "has it started" mean the same everywhere.
 */
public final class Containers {
    private Containers() {
    }

    /** Container names from the spec: init, regular and ephemeral containers, in that order. */
    public static List<String> names(Pod pod) {
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

    /** True if the spec declares a container (of any kind) called {@code name}. */
    public static boolean declares(Pod pod, String name) {
        return names(pod).contains(name);
    }

    /** Every container status of the pod: init, regular, ephemeral. */
    public static Stream<ContainerStatus> statuses(Pod pod) {
        PodStatus status = pod.getStatus();
        return status == null ? Stream.empty()
                : Stream.of(status.getInitContainerStatuses(), status.getContainerStatuses(),
                        status.getEphemeralContainerStatuses()).flatMap(Stream::ofNullable).flatMap(List::stream);
    }

    /** The status of the container, init container or ephemeral container called {@code name}. */
    public static Optional<ContainerStatus> status(Pod pod, String name) {
        return statuses(pod).filter(s -> name.equals(s.getName())).findFirst();
    }

    /** The image the spec gives the container, else the one its status reports, else {@code ?}. */
    public static String image(Pod pod, String name) {
        PodSpec spec = pod.getSpec();
        Stream<String> declared = spec == null ? Stream.empty() : Stream.concat(
                Stream.of(spec.getInitContainers(), spec.getContainers()).flatMap(Stream::ofNullable)
                        .flatMap(List::stream).filter(c -> name.equals(c.getName())).map(Container::getImage),
                Stream.ofNullable(spec.getEphemeralContainers()).flatMap(List::stream)
                        .filter(c -> name.equals(c.getName())).map(EphemeralContainer::getImage));
        return declared.findFirst().orElseGet(() -> status(pod, name).map(ContainerStatus::getImage).orElse("?"));
    }
}
