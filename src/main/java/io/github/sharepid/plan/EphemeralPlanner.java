package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.sharepid.failure.SharepidException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plans the ephemeral containers kubectl-sharepid adds to a live pod: a tools container for ps, signal and
 * peek-root (no TTY, a command that keeps it alive, reused by later calls) or a debug shell
 * ({@code debug --ephemeral}). Pure. The container's securityContext is decided here and only here, from the
 * profile as for a copy's debug container ({@link ProfileApplier}), so that a rule about the user it runs as
 * has one place to plug in.
 */
public final class EphemeralPlanner {
    /** Names of the tools containers this tool adds: how later calls recognise one to reuse. */
    public static final String TOOLS_PREFIX = "sharepid-tools-";
    /** Names of the debug shells {@code debug --ephemeral} adds, unless {@code -c} names one. */
    public static final String SHELL_PREFIX = "sharepid-debug-";
    /** Keeps the tools container alive without a TTY or stdin: one sleeping process, no shell loop. */
    static final List<String> KEEP_ALIVE = List.of("sleep", "2147483647");

    private EphemeralPlanner() {
    }

    /** The container to add and notes for the user (what the profile means for this pod). */
    public record Planned(EphemeralContainer container, List<String> notes) {
    }

    /** True for a tools container added by this tool (see {@link #TOOLS_PREFIX}). */
    public static boolean isTools(String name) {
        return name != null && name.startsWith(TOOLS_PREFIX);
    }

    /**
     * The name suffix of the tools container of one reusable kind: {@code image}, {@code profile}, {@code target}
     * (null: none) and {@code runAs} (null: the profile's user) hashed into ten hex digits, then {@code -N} from
     * the second {@code generation} on (a new one beside an earlier one of the kind that can no longer run).
     * Deterministic on purpose: calls that race to add the same kind to a pod all send the same name, so the API
     * server lets only one of them add it and the others find it there ({@code EphemeralTools}).
     */
    public static String toolsSuffix(String image, Profile profile, String target, TargetUser.RunAs runAs,
                                     int generation) {
        String kind = String.join("\n", image, profile.name(), target == null ? "" : target,
                runAs == null ? "" : runAs.uid() + ":" + (runAs.gid() == null ? "" : runAs.gid()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(kind.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10) + (generation > 1 ? "-" + generation : "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A tools container {@code sharepid-tools-SUFFIX} of {@code image} under {@code profile}; {@code target}
     * (null when the pod shares its process namespace) is the container whose process namespace it joins.
     */
    public static Planned tools(PodSpec pod, String suffix, String image, Profile profile, String target) {
        return tools(pod, suffix, image, profile, target, null);
    }

    /** The same, run as {@code runAs} (null: the profile's user). */
    public static Planned tools(PodSpec pod, String suffix, String image, Profile profile, String target,
                                TargetUser.RunAs runAs) {
        return build(pod, new Shape(TOOLS_PREFIX + suffix, image, profile, target, KEEP_ALIVE, false, Map.of(), false,
                runAs));
    }

    /**
     * The debug shell of {@code debug --ephemeral}: the spec's image, command, env and TTY, on the live pod
     * {@code podName}; with {@code --as-target-user} or {@code --run-as}, as that user ({@link TargetUser}).
     */
    public static Planned shell(PodSpec pod, String podName, String suffix, DebugSpec spec, String target) {
        String name = DebugSpec.DEFAULT_CONTAINER.equals(spec.container()) ? SHELL_PREFIX + suffix : spec.container();
        List<String> command = spec.command().isEmpty() ? PodCopyPlanner.DEFAULT_COMMAND : spec.command();
        TargetUser.RunAs runAs = spec.runAs() == null ? null : TargetUser.resolve(pod, podName, spec.runAs());
        return build(pod, new Shape(name, spec.image(), spec.profile(), target, command, true, spec.env(), spec.tty(),
                runAs));
    }

    /** What differs between the two kinds; {@code runAs} null for the profile's user. */
    private record Shape(String name, String image, Profile profile, String target, List<String> command,
                         boolean stdin, Map<String, String> env, boolean tty, TargetUser.RunAs runAs) {
    }

    private static Planned build(PodSpec pod, Shape shape) {
        requireFreeName(pod, shape.name());
        if (shape.target() != null && names(pod.getContainers()).noneMatch(shape.target()::equals)) {
            throw SharepidException.usage("--target " + shape.target() + ": the pod has no such container; valid: "
                    + String.join(", ", names(pod.getContainers()).toList()));
        }
        ProfileApplier.Applied profile = ProfileApplier.apply(shape.profile(), pod, shape.runAs());
        EphemeralContainer container = new EphemeralContainerBuilder()
                .withName(shape.name())
                .withImage(shape.image())
                .withCommand(shape.command())
                .withEnv(shape.env().entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList())
                .withStdin(shape.stdin() ? true : null)
                .withStdinOnce(shape.stdin() && !shape.tty() ? true : null)
                .withTty(shape.tty() ? true : null)
                .withTargetContainerName(shape.target())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withSecurityContext(profile.securityContext())
                .build();
        return new Planned(container, profile.notes());
    }

    private static void requireFreeName(PodSpec pod, String name) {
        Stream<String> taken = Stream.concat(Stream.concat(names(pod.getInitContainers()), names(pod.getContainers())),
                pod.getEphemeralContainers() == null ? Stream.empty()
                        : pod.getEphemeralContainers().stream().map(EphemeralContainer::getName));
        if (taken.anyMatch(name::equals)) {
            throw SharepidException.usage("the pod already has a container named " + name + " (ephemeral containers"
                    + " are never removed); choose another with -c");
        }
    }

    private static Stream<String> names(List<Container> containers) {
        return containers == null ? Stream.empty() : containers.stream().map(Container::getName);
    }
}
