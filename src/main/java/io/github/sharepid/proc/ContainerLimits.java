package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CPU and memory limits of a pod's containers, from its spec (what the kernel throttles and OOM-kills by). */
record ContainerLimits(Map<String, Double> cpuCores, Map<String, Long> memoryBytes) {
    static ContainerLimits of(Pod pod) {
        Map<String, Double> cpu = new HashMap<>();
        Map<String, Long> memory = new HashMap<>();
        List<Container> containers = pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of()
                : pod.getSpec().getContainers();
        for (Container c : containers) {
            Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
            if (limits == null) {
                continue;
            }
            amount(limits.get("cpu")).ifPresent(v -> cpu.put(c.getName(), v));
            amount(limits.get("memory")).ifPresent(v -> memory.put(c.getName(), (long) v));
        }
        return new ContainerLimits(cpu, memory);
    }

    private static java.util.OptionalDouble amount(Quantity q) {
        try {
            return q == null ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(Quantity.getAmountInBytes(q).doubleValue());
        } catch (RuntimeException e) {
            return java.util.OptionalDouble.empty();
        }
    }
}
