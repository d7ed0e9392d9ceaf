package io.github.sharepid.cli;

import io.github.sharepid.app.DebugSession;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.local.CustomContainerFile;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.SpecParsing;
import io.github.sharepid.text.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl sharepid debug POD}: copies the pod with a shared process namespace and a debug
 * container, waits for it with a watch, and attaches ({@link DebugSession}); this class reads and checks
 * the flags, and prints the copy's name when not attached.
 */
@Command(name = "debug", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Copy POD with shareProcessNamespace: true plus a debug container, wait until it runs, and attach. With --ephemeral, add the debug container to the live pod instead. A copy never modifies the original pod. The copy's restartPolicy is Never: the debug shell's exit ends the session and its exit code becomes this command's.",
        footer = {"%nExamples:",
            "  kubectl sharepid debug web-1",
            "  kubectl sharepid debug web-1 --rm --image=busybox:1.36 -- sh -l",
            "  kubectl sharepid debug web-1 --profile netadmin --custom limits.yaml --keep-readiness",
            "  COPY=$(kubectl sharepid debug web-1 --attach=false)",
            "  kubectl sharepid debug crashing-1 --hold app      # app waits instead of crashing again",
            "  kubectl sharepid debug web-1 --profile restricted --as-target-user --target app",
            "  kubectl sharepid debug web-1 --ephemeral --target app   # in the live pod: see the caveat",
            "  printf 'ps\\nexit\\n' | kubectl sharepid debug web-1 --rm"})
public class DebugCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "POD", description = "The pod to copy.")
    String pod;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command of the debug container (after --; default: sh).")
    List<String> command = new ArrayList<>();

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", defaultValue = DebugSpec.DEFAULT_CONTAINER,
            description = "Name of the debug container (default: ${DEFAULT-VALUE}).")
    String container;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = DebugSpec.DEFAULT_IMAGE,
            description = "Image of the debug container (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = ContainerFlagRules.DEFAULT_PROFILE,
            description = "Security profile: general (adds SYS_PTRACE), baseline, restricted, sysadmin, netadmin (adds NET_ADMIN and NET_RAW) (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--as-target-user",
            description = "Run the debug container as the target container's user and group (its runAsUser/runAsGroup,"
                    + " else the pod's): signal and peek-root then reach its processes with no capability, as under"
                    + " --profile restricted or a pod that forbids root.")
    boolean asTargetUser;

    @Option(names = "--run-as", paramLabel = "UID[:GID]",
            description = "Run the debug container as this user (and group), e.g. when the spec does not say the"
                    + " target's; --user is kubectl's kubeconfig user.")
    String runAs;

    @Option(names = "--custom", paramLabel = "FILE",
            description = "A partial container in JSON or YAML (env, volumeMounts, resources, securityContext...) merged into the debug container after the profile, as kubectl debug --custom.")
    String custom;

    @Mixin
    CopyFlags copy = new CopyFlags();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Environment of the debug container. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--attach", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "BOOL",
            description = "Attach to the debug container (default: true). --attach=false prints the copy's name on stdout.")
    boolean attach;

    @Option(names = "--rm", description = "Delete the copy when the session ends (also on Ctrl-C, SIGTERM, lost connection).")
    boolean rm;

    @Option(names = "--ephemeral", description = "Add the debug container to the live pod as an ephemeral container"
            + " instead of making a copy. This changes the pod's spec for good: the API cannot remove it.")
    boolean ephemeral;

    @Option(names = "--target", paramLabel = "CONTAINER",
            description = "The container whose processes the shell must reach: with --ephemeral, join its process"
                    + " namespace (needed when the pod does not share); with --as-target-user, run as its user"
                    + " (default: the only app container).")
    String target;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = ContainerFlagRules.DEFAULT_TIMEOUT,
            description = "How long to wait for the copy (or the ephemeral container) to run (default: ${DEFAULT-VALUE}).")
    String timeout;

    private final Io io;
    private final Opener<DebugSession> sessions;

    DebugCommand(Io io, Opener<DebugSession> sessions) {
        this.io = io;
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        Duration waitFor = Durations.parse(timeout, "--timeout");
        DebugSpec spec = spec();
        try (Opener.Opened<DebugSession> session = sessions.open()) {
            io.flush();
            DebugSession.Request request = new DebugSession.Request(pod, spec, waitFor, attach, rm,
                    new DebugSession.Console(io.in(), io.stdout(), io.stderr()));
            DebugSession.Outcome outcome = ephemeral ? session.use().runEphemeral(request, target)
                    : session.use().run(request);
            if (!attach) {
                io.out().println(outcome.copy());
                io.out().flush();
            }
            return outcome.exitCode();
        }
    }

    /** Validate: every flag checked before anything touches the cluster. */
    private DebugSpec spec() {
        SpecParsing.validatePodName(pod, "POD");
        if (copy.copyTo != null) {
            SpecParsing.validatePodName(copy.copyTo, "--copy-to");
        }
        SpecParsing.validateContainerName(container, "--container");
        ContainerFlagRules.checkImage(image);
        requireCopyFlagsOnlyWithoutEphemeral();
        if (rm && !attach) {
            throw SharepidException.usage("--rm needs an attached session; with --attach=false delete the copy "
                    + "yourself (kubectl sharepid cleanup NAME)");
        }
        boolean tty = !attach || io.stdinIsTerminal();
        return new DebugSpec(copy.copyTo, container, image, command, Profile.parse(profile), tty, copy.keepLabels,
                copy.keepAnnotations, copy.sameNode, SpecParsing.parseAssignments(copy.setImages,
                SpecParsing.SET_IMAGE_FLAG), SpecParsing.parseAssignments(env, SpecParsing.ENV_FLAG), copy.apps(),
                custom == null ? null : CustomContainerFile.read(Path.of(custom)),
                ContainerFlagRules.targetUser(asTargetUser, target, runAs));
    }

    /** --ephemeral works on the live pod: the flags that shape or remove a copy make no sense with it. */
    private void requireCopyFlagsOnlyWithoutEphemeral() {
        ContainerFlagRules.checkTarget(target);
        if (!ephemeral) {
            if (target != null && !asTargetUser && runAs == null) {
                throw SharepidException.usage("--target needs --ephemeral, --as-target-user or --run-as");
            }
            return;
        }
        String copyFlag = rm ? "--rm" : copy.firstGiven();
        if (copyFlag != null) {
            throw SharepidException.usage(copyFlag + " cannot be used with --ephemeral: " + (rm
                    ? "the API can never remove an ephemeral container" : "it shapes a copy, and --ephemeral makes none"));
        }
        if (custom != null) {
            throw SharepidException.usage("--custom applies to the debug container of a copy, not yet to an"
                    + " ephemeral one; drop it or debug a copy");
        }
    }
}
