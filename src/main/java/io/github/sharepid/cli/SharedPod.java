package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.PodGateway;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pod whose process namespace is shared, and the container the fixed tools run in: the debug
 * container named by a kubectl-sharepid copy's annotation, or the one given with --exec-container.
 */
record SharedPod(String namespace, Pod pod, String execContainer) {

    /** Reads the pod, then judges it: for an exec whose side effects must wait for the verdict (signal). */
    static SharedPod resolve(KubeContext kube, String name, String execContainerFlag) {
        String ns = kube.namespace();
        return judge(ns, name, kube.pods().get(ns, name), execContainerFlag);
    }

    /**
     * The verdict on {@code pod}: it must share its process namespace, and the container to run the tools
     * in (the flag, else the copy's annotated debug container) must be running.
     */
    static SharedPod judge(String ns, String name, Pod pod, String execContainerFlag) {
        if (!Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace())) {
            throw SharepidException.failure("pod " + name + " in namespace " + ns
                    + " does not share its process namespace; make a copy that does: kubectl sharepid debug "
                    + name + " -n " + ns);
        }
        String exec = execContainerFlag != null ? execContainerFlag : annotatedDebugContainer(pod)
                .orElseThrow(() -> SharepidException.usage("pod " + name + " is not a kubectl-sharepid copy: name a"
                        + " container to run the tools in with --exec-container (it needs sh, grep, cat and stat,"
                        + " as busybox has)"));
        requireRunning(pod, exec);
        return new SharedPod(ns, pod, exec);
    }

    String name() {
        return pod.getMetadata().getName();
    }

    private static Optional<String> annotatedDebugContainer(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(PodGateway.DEBUG_CONTAINER_ANNOTATION));
    }

    private static void requireRunning(Pod pod, String container) {
        String name = pod.getMetadata().getName();
        var status = pod.getStatus();
        ContainerStatus cs = status == null ? null : Stream.of(status.getContainerStatuses(),
                        status.getEphemeralContainerStatuses())
                .filter(java.util.Objects::nonNull)
                .flatMap(java.util.List::stream)
                .filter(c -> container.equals(c.getName()))
                .findFirst().orElse(null);
        if (cs == null) {
            boolean declared = pod.getSpec().getContainers().stream().anyMatch(c -> container.equals(c.getName()));
            throw declared
                    ? SharepidException.failure("container " + container + " of pod " + name + " has not started yet")
                    : SharepidException.usage("pod " + name + " has no container " + container);
        }
        if (cs.getState() == null || cs.getState().getRunning() == null) {
            String why = cs.getState() != null && cs.getState().getTerminated() != null
                    ? "exited with code " + cs.getState().getTerminated().getExitCode()
                    : "is not running";
            throw SharepidException.failure("container " + container + " of pod " + name + " " + why
                    + "; run the tools in another container with --exec-container, or make a new copy with"
                    + " kubectl sharepid debug");
        }
    }
}
