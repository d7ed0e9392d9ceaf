package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import io.github.sharepid.text.Durations;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code POD} (or TYPE/NAME, -l) of ps, signal, peek-root, top, ports and files and where their fixed scripts run: {@code --exec-container}, or an
 * ephemeral tools container ({@code --ephemeral}, with {@code --target}, {@code --image}, {@code --profile},
 * {@code --timeout}); with neither, a copy's debug container or the first of the pod's containers that can.
 */
public class ToolPodFlags {
    @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "The pod: a copy made by debug, or"
            + " a live pod; or TYPE/NAME: the running pods of a deployment (deploy), statefulset (sts), daemonset (ds),"
            + " replicaset (rs) or job, through its selector (pod/NAME is one pod).")
    String pod;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Instead of POD: the running pods"
            + " this label selector matches (kubectl's syntax: app=web, 'tier in (a,b)', '!canary').")
    String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "With -l: select pods in every namespace.")
    boolean allNamespaces;

    @Option(names = "--max-concurrency", paramLabel = "N", defaultValue = "" + FanOut.DEFAULT_MAX_CONCURRENCY,
            description = "With several pods: at most N pods at once (default: ${DEFAULT-VALUE}, the xargs -P 10 a"
                    + " shell loop would use; each pod holds one exec connection while it runs).")
    int maxConcurrency;

    @Option(names = "--fail-fast", description = "With several pods: start no further pod after the first failure.")
    boolean failFast;

    @Option(names = "--exec-container", paramLabel = "NAME",
            description = "Container to run the tools in (needs sh, grep, cat, stat, as busybox has; default: the"
                    + " debug container of a copy, else the first of the pod's containers that can run them).")
    String execContainer;

    @Option(names = "--ephemeral", description = "Run the tools in an ephemeral container added to the live pod"
            + " (once: later calls reuse it). This changes the pod's spec for good: the API cannot remove an"
            + " ephemeral container.")
    boolean ephemeral;

    @Option(names = "--target", paramLabel = "CONTAINER", description = "With --ephemeral: join this container's"
            + " process namespace (required when the pod does not share its own; then only its processes are seen).")
    String target;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "With --ephemeral: image of the tools container (default: " + DebugSpec.DEFAULT_IMAGE + ").")
    String image;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "With --ephemeral: security profile of the"
            + " tools container: general (adds SYS_PTRACE, default), baseline, restricted, sysadmin, netadmin.")
    String profile;

    @Option(names = "--as-target-user", description = "With --ephemeral: run the tools container as the target"
            + " container's user and group (--target, else the only app container; Kubernetes 1.23+), to signal"
            + " and read its processes without any capability.")
    boolean asTargetUser;

    @Option(names = "--run-as", paramLabel = "UID[:GID]",
            description = "With --ephemeral: run the tools container as this user (and group); Kubernetes 1.23+.")
    String runAs;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "With --ephemeral: how long to wait for the tools container to run (default: 2m).")
    String timeout;

    /**
     * With {@code -l}, the words picocli took for POD belong to the command's own positionals: the first of
     * {@code rest}. Returns the positionals after POD.
     */
    List<String> positionals(List<String> rest) {
        List<String> all = new ArrayList<>(rest == null ? List.of() : rest);
        if (selector != null && pod != null) {
            all.add(0, pod);
            pod = null;
        }
        return all;
    }

    /** What TYPE/NAME or -l selects; null for one POD (pod/NAME included). Validates the combination. */
    PodSelection.Request selection() {
        if (selector != null) {
            if (pod != null) {
                throw SharepidException.usage("give POD, TYPE/NAME or -l SELECTOR, not more than one");
            }
            if (selector.isBlank()) {
                throw SharepidException.usage("-l needs a selector, e.g. -l app=web");
            }
            return PodSelection.Request.selector(selector, allNamespaces);
        }
        if (pod == null) {
            throw SharepidException.usage("name a POD, a TYPE/NAME (deploy/web) or -l SELECTOR");
        }
        if (allNamespaces) {
            throw SharepidException.usage("-A applies only with -l");
        }
        int slash = pod.indexOf('/');
        if (slash < 0 || isPod(pod.substring(0, slash))) {
            return null;
        }
        String type = pod.substring(0, slash);
        String name = pod.substring(slash + 1);
        PodSelections.Kind kind = PodSelections.Kind.parse(type).orElseThrow(() -> SharepidException.usage(
                "unknown TYPE \"" + type + "\" in " + pod + ": use deployment, statefulset, daemonset, replicaset,"
                        + " job or pod"));
        if (name.isEmpty() || name.contains("/")) {
            throw SharepidException.usage("TYPE/NAME needs one NAME: " + pod);
        }
        return PodSelection.Request.workload(kind, name);
    }

    FanOut.Options fanOut() {
        return new FanOut.Options(maxConcurrency, failFast);
    }

    private static boolean isPod(String type) {
        return List.of("pod", "pods", "po").contains(type.toLowerCase(java.util.Locale.ROOT));
    }

    /** The name of one POD: {@code pod/NAME} is NAME. */
    private String podName() {
        int slash = pod == null ? -1 : pod.indexOf('/');
        return slash < 0 ? pod : pod.substring(slash + 1);
    }

    /** Validate: the flags of --ephemeral need it, and exclude --exec-container. */
    ToolPod toolPod() {
        if (!ephemeral) {
            String stray = target != null ? "--target" : image != null ? "--image" : profile != null ? "--profile"
                    : timeout != null ? "--timeout" : asTargetUser ? "--as-target-user" : runAs != null ? "--run-as"
                    : null;
            if (stray != null) {
                throw SharepidException.usage(stray + " applies only with --ephemeral");
            }
            return ToolPod.of(podName(), execContainer);
        }
        if (execContainer != null) {
            throw SharepidException.usage("--exec-container and --ephemeral exclude each other: the tools run in"
                    + " the ephemeral container");
        }
        ContainerFlagRules.checkTarget(target);
        ContainerFlagRules.checkImage(image);
        TargetUser.Request user = ContainerFlagRules.targetUser(asTargetUser, target, runAs);
        return new ToolPod(podName(), null, new ToolPod.Ephemeral(image == null ? DebugSpec.DEFAULT_IMAGE : image,
                Profile.parse(profile == null ? ContainerFlagRules.DEFAULT_PROFILE : profile), target,
                Durations.parse(timeout == null ? ContainerFlagRules.DEFAULT_TIMEOUT : timeout, "--timeout"), user));
    }
}
