package io.github.sharepid.cli;

import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import io.github.sharepid.text.Durations;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code POD} of ps, signal and peek-root and where their fixed scripts run: {@code --exec-container}, or an
 * ephemeral tools container ({@code --ephemeral}, with {@code --target}, {@code --image}, {@code --profile},
 * {@code --timeout}); with neither, a copy's debug container or the first of the pod's containers that can.
 */
public class ToolPodFlags {
    @Parameters(index = "0", paramLabel = "POD", description = "The pod: a copy made by debug, or a live pod.")
    String pod;

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

    /** Validate: the flags of --ephemeral need it, and exclude --exec-container. */
    ToolPod toolPod() {
        if (!ephemeral) {
            String stray = target != null ? "--target" : image != null ? "--image" : profile != null ? "--profile"
                    : timeout != null ? "--timeout" : asTargetUser ? "--as-target-user" : runAs != null ? "--run-as"
                    : null;
            if (stray != null) {
                throw SharepidException.usage(stray + " applies only with --ephemeral");
            }
            return ToolPod.of(pod, execContainer);
        }
        if (execContainer != null) {
            throw SharepidException.usage("--exec-container and --ephemeral exclude each other: the tools run in"
                    + " the ephemeral container");
        }
        ContainerFlagRules.checkTarget(target);
        ContainerFlagRules.checkImage(image);
        TargetUser.Request user = ContainerFlagRules.targetUser(asTargetUser, target, runAs);
        return new ToolPod(pod, null, new ToolPod.Ephemeral(image == null ? DebugSpec.DEFAULT_IMAGE : image,
                Profile.parse(profile == null ? ContainerFlagRules.DEFAULT_PROFILE : profile), target,
                Durations.parse(timeout == null ? ContainerFlagRules.DEFAULT_TIMEOUT : timeout, "--timeout"), user));
    }
}
