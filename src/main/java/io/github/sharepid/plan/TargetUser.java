package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which user a debug or tools container runs as when it must reach a target container's processes
 * without capabilities ({@code --as-target-user}, {@code --run-as}): a process may signal and read
 * {@code /proc/PID/root} of processes of its own UID with none. Pure, so the copy's planner and an
 * ephemeral tools container can share the rule.
 *
 * <p>The rule: {@code --run-as UID[:GID]} when given; else the target container's {@code runAsUser} /
 * {@code runAsGroup}, each from the container's securityContext first, then the pod's; the target is
 * {@code --target}, else the only application container. A spec that names no user is an error asking for
 * {@code --run-as}: the image's own USER cannot be read from the spec, and guessing would look like success.
 */
public final class TargetUser {
    private static final Pattern UID_GID = Pattern.compile("(\\d{1,10})(?::(\\d{1,10}))?");
    private static final long MAX_ID = 4294967294L; // (uid_t) -1 means "no change" to the kernel

    /** A user and, when known, a group ({@code null}: the image's or the pod's default). */
    public record RunAs(long uid, Long gid) {
        /** {@code UID} or {@code UID:GID}, as the user reads it. */
        @Override
        public String toString() {
            return "UID " + uid + (gid == null ? "" : " GID " + gid);
        }
    }

    /**
     * What the user asked: {@code asTargetUser} (take it from the target's spec), {@code target} (a container
     * name, or null for the only one) and {@code explicit} (from {@code --run-as}, or null).
     */
    public record Request(boolean asTargetUser, String target, RunAs explicit) {
    }

    private TargetUser() {
    }

    /** {@code --run-as UID[:GID]}: numbers only, else a usage error. */
    public static RunAs parse(String text, String flag) {
        Matcher m = UID_GID.matcher(text == null ? "" : text);
        if (!m.matches() || Long.parseLong(m.group(1)) > MAX_ID
                || (m.group(2) != null && Long.parseLong(m.group(2)) > MAX_ID)) {
            throw SharepidException.usage(flag + " \"" + text + "\": expected UID or UID:GID, numbers from 0 to "
                    + MAX_ID);
        }
        return new RunAs(Long.parseLong(m.group(1)), m.group(2) == null ? null : Long.parseLong(m.group(2)));
    }

    /** The user {@code request} asks for, read from {@code pod} (named {@code podName}) where needed. */
    public static RunAs resolve(PodSpec pod, String podName, Request request) {
        if (request.explicit() != null) {
            return request.explicit();
        }
        Container target = target(pod, podName, request.target());
        SecurityContext own = target.getSecurityContext();
        PodSecurityContext shared = pod.getSecurityContext();
        Long uid = own != null && own.getRunAsUser() != null ? own.getRunAsUser()
                : shared != null ? shared.getRunAsUser() : null;
        Long gid = own != null && own.getRunAsGroup() != null ? own.getRunAsGroup()
                : shared != null ? shared.getRunAsGroup() : null;
        if (uid == null) {
            throw SharepidException.usage("container " + target.getName() + " of pod " + podName + " does not say"
                    + " which user it runs as (no runAsUser in its or the pod's securityContext); give it with"
                    + " --run-as UID[:GID]");
        }
        return new RunAs(uid, gid);
    }

    /** The container named {@code name}, or, when null, the pod's only application container. */
    static Container target(PodSpec pod, String podName, String name) {
        List<Container> containers = pod.getContainers() == null ? List.of() : pod.getContainers();
        List<String> names = containers.stream().map(Container::getName).toList();
        if (name == null && containers.size() == 1) {
            return containers.get(0);
        }
        if (name == null) {
            throw SharepidException.usage("pod " + podName + " has " + containers.size() + " containers; name the"
                    + " one whose user to run as with --target (one of: " + String.join(", ", names) + ")");
        }
        return containers.stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> SharepidException.usage("--target " + name + ": pod " + podName
                        + " has no container " + name + " (one of: " + String.join(", ", names) + ")"));
    }
}
