package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.plan.EphemeralPlanner;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import io.github.sharepid.pod.Containers;
import io.github.sharepid.pod.PodStates;
import io.github.sharepid.pod.StartupJudge;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --ephemeral}: the tools container of a live pod. There is one per reusable kind (image, profile, user,
 * target), named from the kind ({@link EphemeralPlanner#toolsSuffix}): a running or starting one of that name is
 * reused; one that can never run again (exited, ErrImagePull…) is left alone, said in one line, and the next
 * generation's name is used. Adding one: the namespace's Pod Security level is checked against the profile, the
 * write is sent as a server-side dry run first (a refusal leaves the pod as it was), the user is told once that
 * this changes the live pod for good, and the container is watched until it runs. A pod that does not share
 * its process namespace needs {@code --target}: the container then joins that container's process namespace.
 *
 * <p>Calls that race on one pod are settled by the API server, not by a lock: they all send the same name, the
 * server stores it once and answers the others that it is taken ({@link EphemeralContainers.NameTaken}); they
 * read the pod again and use the winner's container.
 */
final class EphemeralTools {
    /** Lost races in a row before giving up: each loss leaves the winner's container to use, so one is typical. */
    private static final int RACES = 3;

    private final ToolSites.Ports ports;
    private final String namespace;
    private final Progress progress;

    EphemeralTools(ToolSites.Ports ports, String namespace, Progress progress) {
        this.ports = ports;
        this.namespace = namespace;
        this.progress = progress;
    }

    ToolSite ensure(Pod pod, ToolPod.Ephemeral request) {
        String name = pod.getMetadata().getName();
        boolean shares = Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace());
        if (!shares && request.target() == null) {
            throw SharepidException.usage("pod " + name + " does not share its process namespace: name the container"
                    + " whose processes the tools should see with --target (one of: "
                    + String.join(", ", pod.getSpec().getContainers().stream().map(c -> c.getName()).toList()) + ")");
        }
        requireRunningPod(pod);
        TargetUser.RunAs user = request.runAs() == null ? null : TargetUser.resolve(pod.getSpec(), name, request.runAs());
        ToolSite settled = settle(pod, request, user);
        String isolatedTo = shares ? null : request.target();
        if (isolatedTo != null) {
            progress.say("note: pod " + name + " does not share its process namespace: only the processes of"
                    + " container " + isolatedTo + " are visible");
        }
        return new ToolSite(namespace, settled.pod(), settled.execContainer(), isolatedTo);
    }

    /** The running tools container of this kind: reused, or added; after a lost race, the winner's. */
    private ToolSite settle(Pod pod, ToolPod.Ephemeral request, TargetUser.RunAs user) {
        String name = pod.getMetadata().getName();
        Set<String> leftAlone = new HashSet<>();
        Pod current = pod;
        for (int race = 1; ; race++) {
            Slot slot = slot(current, request, user, leftAlone);
            if (slot.usable()) {
                progress.say("using the tools container " + slot.container() + (race == 1 ? " added to pod " + name
                        + " earlier" : " that another call added to pod " + name + " at the same time"));
                boolean runs = Containers.status(current, slot.container()).filter(PodStates::isRunning).isPresent();
                return new ToolSite(namespace, runs ? current : ports.waits().awaitRunning(current,
                        slot.container(), request.timeout(), progress::say), slot.container());
            }
            EphemeralPlanner.Planned planned = EphemeralPlanner.tools(current.getSpec(), slot.suffix(),
                    request.image(), request.profile(), request.target(), user);
            try {
                return new ToolSite(namespace, add(current, planned, request), slot.container());
            } catch (EphemeralContainers.NameTaken lost) {
                if (race == RACES) {
                    throw SharepidException.failure("could not add a tools container to pod " + name + ": other calls"
                            + " kept adding containers of its name at the same time (" + lost.getMessage() + ")");
                }
                current = ports.pods().get(namespace, name);
            }
        }
    }

    /** A name of this kind: {@code usable} when the pod has a container of it that may still run, else free. */
    private record Slot(String suffix, boolean usable) {
        String container() {
            return EphemeralPlanner.TOOLS_PREFIX + suffix;
        }
    }

    /**
     * The first generation of this kind's name that is free or whose container can still run; those that can
     * never run again are passed over, each said once.
     */
    private Slot slot(Pod pod, ToolPod.Ephemeral request, TargetUser.RunAs user, Set<String> leftAlone) {
        for (int generation = 1; ; generation++) {
            Slot slot = new Slot(EphemeralPlanner.toolsSuffix(request.image(), request.profile(), request.target(),
                    user, generation), true);
            if (!Containers.declares(pod, slot.container())) {
                return new Slot(slot.suffix(), false);
            }
            Optional<String> why = StartupJudge.cannotRun(pod, slot.container());
            if (why.isEmpty()) {
                return slot;
            }
            if (leftAlone.add(slot.container())) {
                progress.say("leaving the tools container " + slot.container() + " of pod "
                        + pod.getMetadata().getName() + " alone: it cannot run (" + why.get() + ")");
            }
        }
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

    /** Pod Security level, dry run, the caveat, the write, the watch. */
    private Pod add(Pod pod, EphemeralPlanner.Planned plan, ToolPod.Ephemeral request) {
        String name = pod.getMetadata().getName();
        EphemeralContainer planned = plan.container();
        plan.notes().forEach(n -> progress.say("note: " + n));
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
