package io.github.sharepid.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.pod.CopyMarks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --hold CONTAINER}: in the copy, a crashing container keeps its image, env, mounts, user and security
 * context but runs a command that only waits, so that {@code ps} shows it, {@code peek-root} reads its files
 * and its own command can be run by hand. The wait needs nothing from the container's image (which may have no
 * shell and no sleep): an init container of the debug image copies its static busybox into an emptyDir that
 * the held container mounts read-only at {@value #MOUNT}, and the held container runs
 * {@code /sharepid-hold/busybox sleep}. Its original command and args go to the annotation {@value CopyMarks#HELD_ANNOTATION}.
 */
final class HeldContainers {
    static final String NAME = "sharepid-hold";
    static final String MOUNT = "/" + NAME;
    static final String BUSYBOX = MOUNT + "/busybox";
    /** The longest sleep a 32-bit busybox takes: 68 years. */
    static final List<String> WAIT = List.of(BUSYBOX, "sleep", "2147483647");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private HeldContainers() {}

    /** Fails (usage) when a name is not an app container of the pod, or the pod already uses our names. */
    static void requireHoldable(PodSpec spec, List<String> hold, String podName) {
        if (hold.isEmpty()) {
            return;
        }
        List<String> apps = spec.getContainers().stream().map(Container::getName).toList();
        for (String name : hold) {
            if (!apps.contains(name)) {
                throw SharepidException.usage("--hold: pod " + podName + " has no container \"" + name
                        + "\"; its containers are " + String.join(", ", apps) + " (init containers cannot be held)");
            }
        }
        boolean taken = spec.getVolumes() != null && spec.getVolumes().stream().anyMatch(v -> NAME.equals(v.getName()))
                || spec.getInitContainers() != null && spec.getInitContainers().stream()
                .anyMatch(c -> NAME.equals(c.getName()));
        if (taken || apps.contains(NAME)) {
            throw SharepidException.usage("--hold needs the name " + NAME + " for a volume and an init container,"
                    + " and pod " + podName + " already uses it");
        }
    }

    /** {@code c} waiting instead of running its command; probes and lifecycle hooks gone (nothing serves them). */
    static Container hold(Container c) {
        return new ContainerBuilder(c)
                .withCommand(WAIT)
                .withArgs((List<String>) null)
                .withLivenessProbe(null).withReadinessProbe(null).withStartupProbe(null)
                .withLifecycle(null)
                .addNewVolumeMount().withName(NAME).withMountPath(MOUNT).withReadOnly(true).endVolumeMount()
                .build();
    }

    /** Copies the debug image's static busybox into the shared emptyDir, with the debug container's powers. */
    static Container copier(String image, SecurityContext securityContext) {
        return new ContainerBuilder().withName(NAME).withImage(image)
                .withCommand("/bin/busybox", "cp", "/bin/busybox", BUSYBOX)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withSecurityContext(securityContext)
                .addNewVolumeMount().withName(NAME).withMountPath(MOUNT).endVolumeMount()
                .build();
    }

    static Volume volume() {
        return new VolumeBuilder().withName(NAME).withNewEmptyDir().endEmptyDir().build();
    }

    /** The annotation's value: {@code {"app":{"command":[...],"args":[...]}}}, absent parts left out. */
    static String annotation(PodSpec source, List<String> hold) {
        Map<String, Map<String, List<String>>> held = new LinkedHashMap<>();
        for (Container c : originals(source, hold)) {
            Map<String, List<String>> argv = new LinkedHashMap<>();
            if (c.getCommand() != null && !c.getCommand().isEmpty()) {
                argv.put("command", c.getCommand());
            }
            if (c.getArgs() != null && !c.getArgs().isEmpty()) {
                argv.put("args", c.getArgs());
            }
            held.put(c.getName(), argv);
        }
        try {
            return new ObjectMapper().writeValueAsString(held);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings always serialize", e);
        }
    }

    /** One note per held container: what it ran, and how to run that by hand. */
    static List<String> notes(PodSpec source, List<String> hold, String copy, String namespace) {
        return originals(source, hold).stream().map(c -> "Container " + c.getName() + " is held: it runs "
                + quoted(WAIT) + " instead of " + original(c) + " (annotation " + CopyMarks.HELD_ANNOTATION
                + "); to run that by hand: kubectl exec -it " + copy + " -n " + namespace + " -c " + c.getName()
                + " -- " + BUSYBOX + " sh").toList();
    }

    private static String original(Container c) {
        boolean command = c.getCommand() != null && !c.getCommand().isEmpty();
        boolean args = c.getArgs() != null && !c.getArgs().isEmpty();
        String what = command ? "its command: " + quoted(c.getCommand()) : "its image's entrypoint";
        return what + (args ? (command ? " " : " with args: ") + quoted(c.getArgs()) : "");
    }

    private static List<Container> originals(PodSpec source, List<String> hold) {
        return source.getContainers().stream().filter(c -> hold.contains(c.getName())).toList();
    }

    /** argv as a POSIX shell would take it back: plain words as they are, others in single quotes. */
    static String quoted(List<String> argv) {
        return argv.stream().map(a -> PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
