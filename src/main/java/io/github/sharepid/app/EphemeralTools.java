package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.plan.EphemeralPlanner;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import io.github.sharepid.pod.Containers;
import io.github.sharepid.pod.PodStates;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code --ephemeral}: the tools container of a live pod. Reuses a running (or starting) one this tool added
 * earlier that sees the same processes; else adds one, once: the namespace's Pod Security level is checked
 * against the profile and the write is sent as a server-side dry run first (a refusal leaves the pod as it
 * was), the user is told once that this changes the live pod for good, and the container is watched until it
 * runs. A pod that does not share its process namespace needs {@code --target}: the container then joins that
 * container's process namespace, and only its processes are visible.
 */
final class EphemeralTools {
    private final ToolTargets.Ports ports;
    private final String namespace;
    private final Progress progress;
    private final Supplier<String> suffixes;

    EphemeralTools(ToolTargets.Ports ports, String namespace, Progress progress, Supplier<String> suffixes) {
        this.ports = ports;
        this.namespace = namespace;
        this.progress = progress;
        this.suffixes = suffixes;
    }

    ToolTarget ensure(Pod pod, ToolPod.Ephemeral request) {
        String name = pod.getMetadata().getName();
        boolean shares = Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace());
        if (!shares && request.target() == null) {
            throw SharepidException.usage("pod " + name + " does not share its process namespace: name the container"
                    + " whose processes the tools should see with --target (one of: "
                    + String.join(", ", pod.getSpec().getContainers().stream().map(c -> c.getName()).toList()) + ")");
        }
        requireRunningPod(pod);
        TargetUser.RunAs user = request.runAs() == null ? null : TargetUser.resolve(pod.getSpec(), name, request.runAs());
        EphemeralPlanner.Planned planned = EphemeralPlanner.tools(pod.getSpec(), suffixes.get(), request.image(),
                request.profile(), request.target(), user);
        Optional<EphemeralContainer> earlier = reusable(pod, shares, request.target(), runAsUser(planned.container()));
        Pod running;
        String container;
        if (earlier.isPresent()) {
            container = earlier.get().getName();
            progress.say("using the tools container " + container + " added to pod " + name + " earlier");
            running = Containers.status(pod, container).filter(PodStates::isRunning).isPresent() ? pod
                    : ports.waits().awaitRunning(pod, container, request.timeout(), progress::say);
        } else {
            container = planned.container().getName();
            planned.notes().forEach(n -> progress.say("note: " + n));
            running = add(pod, planned.container(), request);
        }
        String isolatedTo = shares ? null : request.target();
        if (isolatedTo != null) {
            progress.say("note: pod " + name + " does not share its process namespace: only the processes of"
                    + " container " + isolatedTo + " are visible");
        }
        return new ToolTarget(namespace, running, container, isolatedTo);
    }

    /** An ephemeral container can only join a running pod that is not being deleted. */
    static void requireRunningPod(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || !"Running".equals(PodStates.phase(pod))) {
            throw SharepidException.failure("pod " + pod.getMetadata().getName() + " is not running ("
                    + PodStates.phase(pod) + (pod.getMetadata().getDeletionTimestamp() != null ? ", being deleted" : "")
                    + "): an ephemeral container can only join a running pod");
        }
    }

    /** What is said, once, before an ephemeral container is added: the live pod changes for good. */
    static String caveat(String container, String image, String pod) {
        return "adding the ephemeral container " + container + " (" + image + ") to the live pod " + pod + ": this"
                + " changes the pod's spec, and the API can never remove an ephemeral container (it stays until the"
                + " pod is deleted)";
    }

    /**
     * One of ours that has not exited, runs as the same user ({@code uid}: its own securityContext's, or null)
     * and sees what is asked: any of them on a pod that shares its process namespace, else one whose target is
     * the same container. Running ones first.
     */
    private static Optional<EphemeralContainer> reusable(Pod pod, boolean shares, String target, Long uid) {
        List<EphemeralContainer> declared = pod.getSpec().getEphemeralContainers() == null ? List.of()
                : pod.getSpec().getEphemeralContainers();
        return declared.stream()
                .filter(c -> EphemeralPlanner.isTools(c.getName()))
                .filter(c -> shares || Objects.equals(target, c.getTargetContainerName()))
                .filter(c -> Objects.equals(uid, runAsUser(c)))
                .filter(c -> !exited(Containers.status(pod, c.getName())))
                .min(Comparator.comparing((EphemeralContainer c) -> Containers.status(pod, c.getName())
                        .filter(PodStates::isRunning).isEmpty()));
    }

    /** The UID a container's own securityContext sets, or null: reuse only a container of the same user. */
    private static Long runAsUser(EphemeralContainer c) {
        return c.getSecurityContext() == null ? null : c.getSecurityContext().getRunAsUser();
    }

    private static boolean exited(Optional<ContainerStatus> status) {
        return status.map(s -> s.getState() != null && s.getState().getTerminated() != null).orElse(false);
    }

    /** Pod Security level, dry run, the caveat, the write, the watch. */
    private Pod add(Pod pod, EphemeralContainer planned, ToolPod.Ephemeral request) {
        String name = pod.getMetadata().getName();
        AdmissionCheck.begin(ports.lookups(), ports.pods(), namespace).requireLevel(request.profile());
        EphemeralContainer container = admitted(ports.ephemeral(), namespace, name, planned, request.profile(),
                progress);
        progress.warn(caveat(container.getName(), container.getImage(), name) + "; later calls reuse it");
        Pod added = ports.ephemeral().add(namespace, name, container);
        return ports.waits().awaitRunning(added, container.getName(), request.timeout(), progress::say);
    }

    /**
     * The dry run of adding {@code planned}, and the container to add. A server that forbids any securityContext
     * in an ephemeral container (before Kubernetes 1.23) accepts it only without one: that takes away what
     * general and sysadmin add (said in a note), but would give more than restricted allows, so restricted is
     * refused there, with nothing added.
     */
    static EphemeralContainer admitted(EphemeralContainers port, String namespace, String pod,
                                       EphemeralContainer planned, Profile profile, Progress progress) {
        EphemeralContainer accepted = port.dryRunAdd(namespace, pod, planned);
        if (planned.getSecurityContext() != null && accepted.getSecurityContext() == null) {
            if (profile == Profile.RESTRICTED) {
                throw SharepidException.failure("this API server allows no securityContext in an ephemeral container"
                        + " (Kubernetes before 1.23), so profile restricted cannot be applied; nothing was added");
            }
            Long uid = planned.getSecurityContext().getRunAsUser();
            if (uid != null && uid != 0L) {
                throw SharepidException.failure("this API server allows no securityContext in an ephemeral container"
                        + " (Kubernetes before 1.23), so it cannot run as UID " + uid + "; nothing was added (debug a"
                        + " copy with --as-target-user instead)");
            }
            progress.say("note: this API server allows no securityContext in an ephemeral container (Kubernetes"
                    + " before 1.23): " + planned.getName() + " runs as its image's user with the runtime's default"
                    + " capabilities, without what profile " + profile + " adds (it can list and signal processes,"
                    + " but read /proc/PID/root only of its own user's)");
        }
        return accepted;
    }
}
