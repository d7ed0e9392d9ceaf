package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * What the user asked of {@code kubectl sharepid debug}, already validated by the CLI layer (and a
 * {@code --custom} part that sets what a flag sets is refused here, before anything reaches the cluster).
 *
 * @param copyName      the copy's name ({@code --copy-to}), or {@code null} for {@code <pod>-sharepid-<5 chars>}
 * @param container     the debug container's name ({@code -c}, default {@code sharepid})
 * @param image         the debug container's image ({@code --image}, default {@code busybox})
 * @param command       the debug container's command ({@code -- COMMAND ARGS...}); empty = {@code sh}
 * @param profile       the security profile of the debug container
 * @param tty           give the debug container a TTY (interactive session); false for piped stdin
 * @param keepLabels    copy the source pod's labels
 * @param keepAnnotations copy the source pod's annotations
 * @param sameNode      keep {@code spec.nodeName}
 * @param setImages     container name (or {@code *}) to image, for the copied containers
 * @param env           environment of the debug container, in the order given
 * @param apps          probes, init containers and held containers of the copy ({@code --keep-*}, {@code --hold})
 * @param custom        {@code --custom}: a partial container merged into the debug container, or {@code null}
 * @param runAs         run the debug container as a target container's user ({@code --as-target-user},
 *                      {@code --run-as}), or {@code null} for the profile's user
 */
public record DebugSpec(
        String copyName,
        String container,
        String image,
        List<String> command,
        Profile profile,
        boolean tty,
        boolean keepLabels,
        boolean keepAnnotations,
        boolean sameNode,
        Map<String, String> setImages,
        Map<String, String> env,
        AppContainers apps,
        Container custom,
        TargetUser.Request runAs) {

    public static final String DEFAULT_CONTAINER = "sharepid";
    public static final String DEFAULT_IMAGE = "busybox";

    public DebugSpec {
        command = List.copyOf(command);
        setImages = Map.copyOf(setImages);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        apps = apps == null ? AppContainers.DEFAULT : apps;
        if (custom != null) {
            CustomContainer.requireNoOwnedField(custom); // a usage error before anything reaches the cluster
        }
    }

    /** The spec without {@code --keep-*}, {@code --hold}, {@code --custom} or a target user: kubectl's defaults. */
    public DebugSpec(String copyName, String container, String image, List<String> command, Profile profile,
                     boolean tty, boolean keepLabels, boolean keepAnnotations, boolean sameNode,
                     Map<String, String> setImages, Map<String, String> env) {
        this(copyName, container, image, command, profile, tty, keepLabels, keepAnnotations, sameNode, setImages, env,
                AppContainers.DEFAULT, null, null);
    }

    /** Without a target user: the profile decides who the debug container runs as. */
    public DebugSpec(String copyName, String container, String image, List<String> command, Profile profile,
                     boolean tty, boolean keepLabels, boolean keepAnnotations, boolean sameNode,
                     Map<String, String> setImages, Map<String, String> env, AppContainers apps, Container custom) {
        this(copyName, container, image, command, profile, tty, keepLabels, keepAnnotations, sameNode, setImages, env,
                apps, custom, null);
    }

    /** With a target user, kubectl's defaults for the rest. */
    public DebugSpec(String copyName, String container, String image, List<String> command, Profile profile,
                     boolean tty, boolean keepLabels, boolean keepAnnotations, boolean sameNode,
                     Map<String, String> setImages, Map<String, String> env, TargetUser.Request runAs) {
        this(copyName, container, image, command, profile, tty, keepLabels, keepAnnotations, sameNode, setImages, env,
                AppContainers.DEFAULT, null, runAs);
    }
}
