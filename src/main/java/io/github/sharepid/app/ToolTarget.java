package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A pod whose process namespace is shared, and the container the fixed tools run in: the debug
 * container named by a kubectl-sharepid copy's annotation, or the one given with --exec-container.
 * {@link ToolTargets} finds it.
 */
public record ToolTarget(String namespace, Pod pod, String execContainer) {
    public String name() {
        return pod.getMetadata().getName();
    }
}
