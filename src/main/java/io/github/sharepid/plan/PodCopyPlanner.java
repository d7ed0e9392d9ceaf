package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans the debug copy of a pod: the same spec with {@code shareProcessNamespace: true} and a debug shell
 * container appended, ready to be created with one API call. Pure, after kubectl's
 * {@code generatePodCopyWithDebugContainer}: the source is never modified and nothing is looked up.
 *
 * <p>The copy gets {@code restartPolicy: Never} on purpose: the debug shell's exit is final and its exit code
 * is the command's, and an app container that crashes stays crashed for inspection instead of being
 * restarted over its evidence.
 *
 * <p>Non-root pods: under a pod-level {@code runAsNonRoot} without {@code runAsUser}, the general and sysadmin
 * profiles set the debug container's own {@code runAsUser: 0, runAsNonRoot: false}, because their promise is a
 * root shell with capabilities and a root image could not start otherwise; a note says so, and
 * {@code --profile restricted} keeps the pod's rule (UID 65534, which can list every process but signal or
 * read only its own). A pod-level {@code runAsUser} is inherited as it is (the shell then has that UID and
 * no effective capabilities, so it reaches exactly that UID's processes). {@code --as-target-user} and
 * {@code --run-as} replace the profile's choice of user with a target container's ({@link TargetUser}), keeping
 * the profile's other settings. Namespaces whose Pod Security level
 * forbids a profile are refused before anything is created (see {@link PodSecurityRule}).
 */
public final class PodCopyPlanner {
    static final List<String> DEFAULT_COMMAND = List.of("sh");

    private PodCopyPlanner() {}

    /**
     * The PersistentVolumeClaims the pod mounts, in volume order: the caller asks the API which of them
     * are ReadWriteOnce and passes those in {@link PlanContext#readWriteOnceClaims()}.
     */
    public static List<String> claimNames(Pod source) {
        return source.getSpec() == null ? List.of() : claimNames(source.getSpec()).stream().distinct().toList();
    }

    /**
     * The copy of {@code source} that {@code spec} asks for, with notes for the user.
     *
     * @throws io.github.sharepid.failure.SharepidException (usage) if the debug container's name is taken or a
     *         {@code --set-image} name matches no container
     */
    public static Plan plan(Pod source, DebugSpec spec, PlanContext ctx) {
        PodSpec have = source.getSpec();
        String podName = source.getMetadata().getName();
        CopiedContainers.requireFreeName(have, spec.container(), podName);
        CopiedContainers.requireImageTargets(have, spec.setImages(), spec.container(), podName);
        HeldContainers.requireHoldable(have, spec.apps().hold(), podName);

        List<String> notes = new ArrayList<>(CopyMetadata.notes(source, spec));
        ObjectMeta meta = CopyMetadata.build(source, spec, ctx);
        TargetUser.RunAs runAs = spec.runAs() == null ? null : TargetUser.resolve(have, podName, spec.runAs());
        ProfileApplier.Applied profile = ProfileApplier.apply(spec.profile(), have, runAs);
        PodSpecBuilder copy = new PodSpecBuilder(have)
                .withShareProcessNamespace(true)
                .withRestartPolicy("Never")
                .withEphemeralContainers((List<EphemeralContainer>) null)
                .withInitContainers(initContainers(have, spec, profile))
                .withContainers(CopiedContainers.containers(have.getContainers(), spec.setImages(), spec.apps()))
                .addToContainers(debugContainer(spec, profile))
                .withNodeName(nodeName(have, spec, ctx, notes));
        if (!spec.apps().hold().isEmpty()) {
            copy.addToVolumes(HeldContainers.volume());
            notes.addAll(HeldContainers.notes(have, spec.apps().hold(), meta.getName(), meta.getNamespace()));
        }
        if (Boolean.TRUE.equals(have.getHostPID())) {
            copy.withHostPID(null);
            notes.add("The copy of pod " + podName + " does not use the host's PID namespace (hostPID): a pod"
                    + " cannot share its own process namespace and the host's at once.");
        }
        notes.addAll(profile.notes());
        Pod pod = new PodBuilder()
                .withApiVersion(Objects.requireNonNullElse(source.getApiVersion(), "v1"))
                .withKind(Objects.requireNonNullElse(source.getKind(), "Pod"))
                .withMetadata(meta)
                .withSpec(copy.build())
                .build();
        return new Plan(pod, notes);
    }

    /** The source's init containers (unless dropped), after the one that gives held containers their busybox. */
    private static List<Container> initContainers(PodSpec have, DebugSpec spec, ProfileApplier.Applied profile) {
        List<Container> inits = new ArrayList<>();
        if (!spec.apps().hold().isEmpty()) {
            inits.add(HeldContainers.copier(spec.image(), profile.securityContext()));
        }
        inits.addAll(CopiedContainers.initContainers(have.getInitContainers(), spec.setImages(), spec.apps()));
        return inits;
    }

    /** The debug shell: flags first, then the profile's securityContext, then {@code --custom} over both. */
    private static Container debugContainer(DebugSpec spec, ProfileApplier.Applied profile) {
        return CustomContainer.merge(new ContainerBuilder()
                .withName(spec.container())
                .withImage(spec.image())
                .withCommand(spec.command().isEmpty() ? DEFAULT_COMMAND : spec.command())
                .withEnv(spec.env().entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList())
                .withStdin(true)
                .withStdinOnce(!spec.tty())
                .withTty(spec.tty())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withSecurityContext(profile.securityContext())
                .build(), spec.custom());
    }

    /**
     * Cleared so the scheduler may place the copy anywhere, unless asked to keep it or the pod mounts a
     * ReadWriteOnce claim, which only the node that has it attached can mount.
     */
    private static String nodeName(PodSpec have, DebugSpec spec, PlanContext ctx, List<String> notes) {
        String node = have.getNodeName();
        if (spec.sameNode() || node == null || node.isEmpty()) {
            return node;
        }
        List<String> pinning = claimNames(have).stream().filter(ctx.readWriteOnceClaims()::contains).toList();
        if (pinning.isEmpty()) {
            return null;
        }
        String claims = (pinning.size() == 1 ? "claim " : "claims ") + String.join(", ", pinning);
        notes.add("Kept nodeName " + node + ": the pod mounts ReadWriteOnce " + claims
                + ", which only that node can attach.");
        return node;
    }

    private static List<String> claimNames(PodSpec spec) {
        List<Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
        return volumes.stream()
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName())
                .distinct()
                .toList();
    }
}
