package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerRestartRule;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How the source's own containers change in the copy: no probes unless kept (a paused or broken app must not
 * be killed or hidden by them), init containers unless dropped, images from {@code --set-image}, and name
 * checks against the debug container.
 */
final class CopiedContainers {
    static final String ALL = "*";

    private CopiedContainers() {}

    /**
     * App containers: probes gone, image overridden, no container-level restart rules that would undo a crash;
     * held ones waiting instead of running their command.
     */
    static List<Container> containers(List<Container> source, Map<String, String> setImages, AppContainers apps) {
        return orEmpty(source).stream()
                .map(c -> edit(c, setImages, apps)
                        .withRestartPolicy(null)
                        .withRestartPolicyRules((List<ContainerRestartRule>) null)
                        .build())
                .map(c -> apps.hold().contains(c.getName()) ? HeldContainers.hold(c) : c)
                .toList();
    }

    /**
     * Init containers, sidecars (restartPolicy Always) included: probes gone, image overridden; none at all
     * with {@code --keep-init-containers=false}, as kubectl drops them.
     */
    static List<Container> initContainers(List<Container> source, Map<String, String> setImages, AppContainers apps) {
        if (!apps.keepInitContainers()) {
            return List.of();
        }
        return orEmpty(source).stream().map(c -> edit(c, setImages, apps).build()).toList();
    }

    private static ContainerBuilder edit(Container c, Map<String, String> setImages, AppContainers apps) {
        String image = setImages.getOrDefault(c.getName(), setImages.getOrDefault(ALL, c.getImage()));
        return new ContainerBuilder(c)
                .withImage(image)
                .withLivenessProbe(apps.keepLiveness() ? c.getLivenessProbe() : null)
                .withReadinessProbe(apps.keepReadiness() ? c.getReadinessProbe() : null)
                .withStartupProbe(apps.keepStartup() ? c.getStartupProbe() : null);
    }

    /** Fails when the debug container's name is taken: the copy could not be created. */
    static void requireFreeName(PodSpec spec, String name, String podName) {
        if (names(spec).contains(name)) {
            throw SharepidException.usage("container \"" + name + "\" already exists in pod " + podName
                    + "; choose another name with -c");
        }
    }

    /** Fails when a {@code --set-image} name is neither {@code *} nor a container of the pod. */
    static void requireImageTargets(PodSpec spec, Map<String, String> setImages, String debugName, String podName) {
        List<String> valid = names(spec);
        for (String target : new TreeSet<>(setImages.keySet())) {
            if (target.equals(debugName)) {
                throw SharepidException.usage("--set-image cannot change the debug container \"" + debugName
                        + "\"; use --image");
            }
            if (!target.equals(ALL) && !valid.contains(target)) {
                throw SharepidException.usage("--set-image: pod " + podName + " has no container \"" + target
                        + "\"; its containers are " + String.join(", ", valid));
            }
        }
    }

    private static List<String> names(PodSpec spec) {
        return Stream.concat(orEmpty(spec.getInitContainers()).stream(), orEmpty(spec.getContainers()).stream())
                .map(Container::getName)
                .toList();
    }

    private static List<Container> orEmpty(List<Container> list) {
        return list == null ? List.of() : list;
    }
}
