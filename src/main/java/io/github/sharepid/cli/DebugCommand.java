package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.Durations;
import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.Attacher;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.PodGateway;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Plan;
import io.github.sharepid.plan.PlanContext;
import io.github.sharepid.plan.PodCopyPlanner;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.SourcePodCheck;
import io.github.sharepid.plan.SpecParsing;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid debug POD}: copies the pod with a shared process namespace and a debug
 * container, waits for it with a watch, and attaches. Planning is pure ({@link PodCopyPlanner});
 * this class only gathers input, calls the API and reports.
 */
@Command(name = "debug", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Copy POD with shareProcessNamespace: true plus a debug container, wait until it runs, and attach. The original pod is never modified. The copy's restartPolicy is Never: the debug shell's exit ends the session and its exit code becomes this command's.",
        footer = {"%nExamples:",
            "  kubectl sharepid debug web-1",
            "  kubectl sharepid debug web-1 --rm --image=busybox:1.36 -- sh -l",
            "  COPY=$(kubectl sharepid debug web-1 --attach=false)",
            "  printf 'ps\\nexit\\n' | kubectl sharepid debug web-1 --rm"})
public class DebugCommand implements Callable<Integer> {
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    @ParentCommand
    RootCommand root;

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

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "general",
            description = "Security profile: general (adds SYS_PTRACE), baseline, restricted, sysadmin (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--copy-to", paramLabel = "NAME", description = "Name of the copy (default: POD-sharepid-XXXXX).")
    String copyTo;

    @Option(names = "--keep-labels", description = "Keep the pod's labels on the copy (a controller may adopt it).")
    boolean keepLabels;

    @Option(names = "--keep-annotations", description = "Keep the pod's annotations on the copy.")
    boolean keepAnnotations;

    @Option(names = "--same-node", description = "Schedule the copy on the pod's node.")
    boolean sameNode;

    @Option(names = "--set-image", paramLabel = "NAME=IMAGE",
            description = "Image for a copied container; '*=IMAGE' for all of them. Repeatable.")
    List<String> setImages = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Environment of the debug container. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--attach", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "BOOL",
            description = "Attach to the debug container (default: true). --attach=false prints the copy's name on stdout.")
    boolean attach;

    @Option(names = "--rm", description = "Delete the copy when the session ends (also on Ctrl-C, SIGTERM, lost connection).")
    boolean rm;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long to wait for the copy to run (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() {
        Duration waitFor = Durations.parse(timeout, "--timeout");
        DebugSpec spec = spec();
        try (KubeContext kube = root.connect()) {
            return run(kube, spec, waitFor);
        }
    }

    /** Validate: every flag checked before anything touches the cluster. */
    private DebugSpec spec() {
        SpecParsing.validatePodName(pod, "POD");
        if (copyTo != null) {
            SpecParsing.validatePodName(copyTo, "--copy-to");
        }
        SpecParsing.validateContainerName(container, "--container");
        if (image.isBlank()) {
            throw SharepidException.usage("--image must not be empty");
        }
        if (rm && !attach) {
            throw SharepidException.usage("--rm needs an attached session; with --attach=false delete the copy "
                    + "yourself (kubectl sharepid cleanup NAME)");
        }
        boolean tty = !attach || root.io().stdinIsTerminal();
        return new DebugSpec(copyTo, container, image, command, Profile.parse(profile), tty, keepLabels, keepAnnotations,
                sameNode, SpecParsing.parseAssignments(setImages, SpecParsing.SET_IMAGE_FLAG),
                SpecParsing.parseAssignments(env, SpecParsing.ENV_FLAG));
    }

    private int run(KubeContext kube, DebugSpec spec, Duration waitFor) {
        String ns = kube.namespace();
        Plan plan = planCopy(kube.pods(), ns, spec);
        String name = plan.copy().getMetadata().getName();
        CopyReaper reaper = createAndWait(kube.pods(), ns, plan, spec, waitFor);
        if (!attach) {
            root.io().out().println(name);
            root.io().out().flush();
            root.progress("attach with: kubectl attach -it " + name + " -c " + spec.container() + " -n " + ns);
            root.progress("delete with: kubectl sharepid cleanup " + name + " -n " + ns);
            reaper.disarm();
            return 0;
        }
        try {
            return session(kube, ns, name, spec, reaper);
        } finally {
            if (rm) {
                reaper.reapQuietly();
            } else if (reaper.disarm()) {
                root.progress("the copy " + name + " is kept; delete it with: kubectl sharepid cleanup " + name
                        + " -n " + ns);
            }
        }
    }

    /**
     * Reads the source, plans the copy (pure) and checks admission; nothing is created yet. (No fabric8
     * type in these signatures: picocli's reflection over this class would load fabric8 for --help.)
     */
    private Plan planCopy(PodGateway pods, String ns, DebugSpec spec) {
        AdmissionCheck admission = AdmissionCheck.begin(pods, ns); // reads the namespace while we read the pod
        Pod source = pods.get(ns, pod);
        SourcePodCheck.requireCopyable(source);
        List<String> claims = spec.sameNode() ? List.of() : PodCopyPlanner.claimNames(source);
        Set<String> rwo = claims.isEmpty() ? Set.of() : pods.readWriteOnceClaims(ns, claims);
        Plan plan = PodCopyPlanner.plan(source, spec, new PlanContext(Instant.now(), randomSuffix(), rwo));
        admission.require(spec.profile(), plan.copy());
        plan.notes().forEach(n -> root.progress("note: " + n));
        return plan;
    }

    /**
     * Creates the copy and waits until it runs; from just before the create, Ctrl-C or SIGTERM delete it,
     * and a copy that does not start is deleted. Returns the reaper that owns the copy from here on.
     */
    private CopyReaper createAndWait(PodGateway pods, String ns, Plan plan, DebugSpec spec, Duration waitFor) {
        String name = plan.copy().getMetadata().getName();
        root.progress("creating " + name + " in namespace " + ns + ": a copy of " + pod
                + " sharing one process namespace (every container's processes, command lines, environments"
                + " and files become visible to " + spec.container() + ")");
        CopyReaper reaper = new CopyReaper(pods, ns, name, root::progress);
        reaper.armOnSignal();
        Pod created;
        try {
            created = pods.create(plan.copy());
        } catch (RuntimeException e) {
            reaper.disarm(); // not ours: with --copy-to the name may be another pod's (409)
            throw e;
        } finally {
            reaper.createAnswered();
        }
        try {
            pods.awaitRunning(created, spec.container(), waitFor, root::progress);
        } catch (RuntimeException e) {
            throw reaper.reapAfter(e, "the copy did not start");
        }
        return reaper;
    }

    private int session(KubeContext kube, String ns, String name, DebugSpec spec, CopyReaper reaper) {
        root.progress("attached to " + name + " (container " + spec.container() + "); exit the shell to end the session");
        Io io = root.io();
        io.flush();
        Attacher.Ending ending = kube.attacher().attach(ns, name, spec.container(), spec.tty(),
                io.in(), io.stdout(), io.stderr());
        if (kube.pods().goneOrDeleting(ns, name)) {
            // Killed with its pod: whatever exit code the shell got is not the user's. The shell was cut
            // off mid-line (its prompt), so the error starts on a line of its own.
            reaper.disarm();
            if (spec.tty()) {
                io.err().println();
            }
            throw SharepidException.failure("the copy " + name + " was deleted during the session");
        }
        Integer code = kube.pods().awaitExitCode(ns, name, spec.container(), Duration.ofSeconds(10));
        if (code != null) {
            return code;
        }
        if (ending == Attacher.Ending.BROKEN) {
            throw SharepidException.failure("the connection to " + name + " was lost before the debug shell exited");
        }
        throw SharepidException.failure("the session ended but the debug container of " + name
                + " is still running (kubectl attach -it " + name + " -c " + spec.container() + " -n " + ns + ")");
    }

    private static String randomSuffix() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            b.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return b.toString();
    }
}
