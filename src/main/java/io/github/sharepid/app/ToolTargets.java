package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.pod.Containers;
import io.github.sharepid.pod.CopyMarks;
import io.github.sharepid.pod.PodStates;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the {@code POD} and {@code --exec-container} of ps, signal and peek-root into a {@link ToolTarget}:
 * the pod must share its process namespace and the tools' container must be running.
 */
public final class ToolTargets {
    private final Pods pods;
    private final String namespace;

    public ToolTargets(Pods pods, String namespace) {
        this.pods = pods;
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    /**
     * Reads the pod, then judges it: for an exec whose side effects must wait for the verdict (signal).
     * {@code execContainerFlag}: the --exec-container the user gave, or null for the copy's debug container.
     */
    public ToolTarget resolve(String name, String execContainerFlag) {
        return judge(name, pods.get(namespace, name), execContainerFlag);
    }

    /** Starts the GET of pod {@code name} on a thread of its own, for an exec to run meanwhile ({@link TargetLookup}). */
    TargetLookup start(String name, String execContainerFlag) {
        return new TargetLookup(this, pods, namespace, name, execContainerFlag);
    }

    /**
     * The verdict on {@code pod}: it must share its process namespace, and the container to run the tools
     * in (the flag, else the copy's annotated debug container) must be running.
     */
    ToolTarget judge(String name, Pod pod, String execContainerFlag) {
        if (!Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace())) {
            throw SharepidException.failure("pod " + name + " in namespace " + namespace
                    + " does not share its process namespace; make a copy that does: kubectl sharepid debug "
                    + name + " -n " + namespace);
        }
        String exec = execContainerFlag != null ? execContainerFlag : annotatedDebugContainer(pod)
                .orElseThrow(() -> SharepidException.usage("pod " + name + " is not a kubectl-sharepid copy: name a"
                        + " container to run the tools in with --exec-container (it needs sh, grep, cat and stat,"
                        + " as busybox has)"));
        requireRunning(pod, exec);
        return new ToolTarget(namespace, pod, exec);
    }

    private static Optional<String> annotatedDebugContainer(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(CopyMarks.DEBUG_CONTAINER_ANNOTATION));
    }

    /** A container of any kind (init, regular, ephemeral) that the spec declares but has no status has not started. */
    private static void requireRunning(Pod pod, String container) {
        String name = pod.getMetadata().getName();
        ContainerStatus cs = Containers.status(pod, container).orElse(null);
        if (cs == null) {
            throw Containers.declares(pod, container)
                    ? SharepidException.failure("container " + container + " of pod " + name + " has not started yet")
                    : SharepidException.usage("pod " + name + " has no container " + container);
        }
        if (!PodStates.isRunning(cs)) {
            String why = cs.getState() != null && cs.getState().getTerminated() != null
                    ? "exited with code " + cs.getState().getTerminated().getExitCode()
                    : "is not running";
            throw SharepidException.failure("container " + container + " of pod " + name + " " + why
                    + "; run the tools in another container with --exec-container, or make a new copy with"
                    + " kubectl sharepid debug");
        }
    }
}
