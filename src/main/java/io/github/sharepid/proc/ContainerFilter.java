package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.pod.Containers;
import java.util.ArrayList;
import java.util.List;

/** The {@code --container NAME} option of {@code ps}: keeps the processes of one container of the pod. */
public final class ContainerFilter {
    private ContainerFilter() {
    }

    /**
     * @param container a container of the pod (init, regular, ephemeral) or {@link Attribution#SANDBOX};
     *                  null keeps every process
     * @throws SharepidException (USAGE) when the pod has no such container, listing the valid names
     */
    public static List<ProcessInfo> select(List<ProcessInfo> processes, Pod pod, String container) {
        if (container == null) {
            return processes;
        }
        List<String> valid = new ArrayList<>(Containers.names(pod));
        valid.add(Attribution.SANDBOX);
        if (!valid.contains(container)) {
            throw SharepidException.usage("container \"" + Escapes.controlChars(container) + "\" not found in pod \""
                    + pod.getMetadata().getName() + "\"; valid: " + String.join(", ", valid));
        }
        return processes.stream().filter(p -> p.container().equals(container)).toList();
    }
}
