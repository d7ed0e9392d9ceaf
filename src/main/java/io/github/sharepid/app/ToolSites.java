package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.pod.Containers;
import io.github.sharepid.pod.CopyMarks;
import io.github.sharepid.pod.PodStates;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Resolves the {@link ToolPod} of ps, signal and peek-root into a {@link ToolSite}: with {@code --ephemeral},
 * the pod's tools container ({@link EphemeralTools}); else the pod must share its process namespace, and the
 * tools run in {@code --exec-container}, else in a copy's debug container, else in the first of the live pod's
 * containers that can run them ({@link ToolChoice}). The container must be running.
 */
public final class ToolSites {
    /** The cluster calls behind a target: the pod, the probe exec, and what adding a tools container needs. */
    public record Ports(Pods pods, Exec exec, Lookups lookups, PodWaits waits, EphemeralContainers ephemeral) {
    }

    private final Pods pods;
    private final String namespace;
    private final ToolChoice choice;
    private final EphemeralTools ephemeral;

    public ToolSites(Ports ports, String namespace, Progress progress) {
        this.pods = ports.pods();
        this.namespace = namespace;
        this.choice = new ToolChoice(ports.exec(), namespace, progress);
        this.ephemeral = new EphemeralTools(ports, namespace, progress);
    }

    String namespace() {
        return namespace;
    }

    /** Reads the pod, then judges it: for an exec whose side effects must wait for the verdict (signal). */
    public ToolSite resolve(ToolPod request) {
        return judge(request, pods.get(namespace, request.name()));
    }

    /** Reads the pod, then runs {@code run} where the verdict says: for an exec with side effects (signal). */
    <T> SiteLookup.Judged<T> resolveRunning(ToolPod request, SiteLookup.FirstExec<T> run) {
        return judgeRunning(request, pods.get(namespace, request.name()), run);
    }

    /** Starts the GET of the pod on a thread of its own, for an exec to run meanwhile ({@link SiteLookup}). */
    SiteLookup start(ToolPod request) {
        return new SiteLookup(this, pods, namespace, request);
    }

    /** The verdict on {@code pod}: the container the tools run in, added or found by exec if need be. */
    ToolSite judge(ToolPod request, Pod pod) {
        if (request.ephemeral() != null) {
            return ephemeral.ensure(pod, request.ephemeral());
        }
        return known(request, pod).orElseGet(() -> choice.choose(pod));
    }

    /**
     * The verdict on {@code pod} and {@code run}'s result where it says: in a copy's or the flag's container, in
     * the tools container, else in the first of the live pod's candidates where it ran (no probe of its own).
     */
    <T> SiteLookup.Judged<T> judgeRunning(ToolPod request, Pod pod, SiteLookup.FirstExec<T> run) {
        Optional<ToolSite> target = request.ephemeral() != null
                ? Optional.of(ephemeral.ensure(pod, request.ephemeral())) : known(request, pod);
        if (target.isEmpty()) {
            return choice.chooseByRunning(pod, run);
        }
        return new SiteLookup.Judged<>(target.get(), run.run(UnaryOperator.identity(), target.get().execContainer(), null));
    }

    /**
     * The verdict that needs nothing but the pod (no exec, nothing added): the pod must share its process
     * namespace; the container is the flag's, else the copy's debug container; empty when neither names one.
     */
    Optional<ToolSite> known(ToolPod request, Pod pod) {
        String name = request.name();
        String phase = PodStates.phase(pod);
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) { // judged first: no flag can help such a pod
            throw SharepidException.failure("pod " + name + " in namespace " + namespace + " is " + phase + ": none of"
                    + " its containers runs, so there are no processes to read, and an ephemeral container can only"
                    + " join a running pod; a copy starts them again: kubectl sharepid debug " + name + " -n "
                    + namespace);
        }
        if (!Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace())) {
            throw SharepidException.failure("pod " + name + " in namespace " + namespace
                    + " does not share its process namespace; add a tools container that joins one of its"
                    + " containers (--ephemeral --target CONTAINER), or make a copy that shares: kubectl sharepid"
                    + " debug " + name + " -n " + namespace);
        }
        Optional<String> exec = Optional.ofNullable(request.execContainer()).or(() -> annotatedDebugContainer(pod));
        exec.ifPresent(container -> requireRunning(pod, container));
        return exec.map(container -> new ToolSite(namespace, pod, container));
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
