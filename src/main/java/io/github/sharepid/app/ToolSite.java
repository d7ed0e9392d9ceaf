package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A pod and the container the fixed tools run in: the debug container named by a kubectl-sharepid copy's
 * annotation, the one given with --exec-container, the first of a live pod's containers that can run them,
 * or an ephemeral tools container. {@link ToolSites} finds it.
 *
 * @param isolatedTo null when the tools see the pod's shared process namespace; else the one container whose
 *                   process namespace an ephemeral tools container joined (the pod does not share): only its
 *                   processes are visible, and PID 1 is its main process, not the pod's sandbox
 */
public record ToolSite(String namespace, Pod pod, String execContainer, String isolatedTo) {
    public ToolSite(String namespace, Pod pod, String execContainer) {
        this(namespace, pod, execContainer, null);
    }

    public String name() {
        return pod.getMetadata().getName();
    }
}
