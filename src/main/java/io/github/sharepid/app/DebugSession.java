package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Plan;
import io.github.sharepid.plan.PlanContext;
import io.github.sharepid.plan.PodCopyPlanner;
import io.github.sharepid.pod.Crashes;
import io.github.sharepid.pod.SourcePodCheck;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code debug}: plans the copy (pure), checks admission, creates it, waits until it runs, attaches, and
 * cleans up. From just before the create, Ctrl-C or SIGTERM delete the copy ({@link CopyReaper}); a copy
 * that does not start is deleted; after the session it is deleted with {@code rm}, else kept.
 */
public final class DebugSession {
    /** How long the debug container gets, after the session ends, to report its exit code. */
    static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(10);

    private final Ports ports;
    private final String namespace;
    private final Progress progress;
    private final Supplier<String> suffixes;
    private final Function<Throwable, SharepidException> explain;

    /** The cluster calls a session makes. */
    public record Ports(Pods pods, PodWaits waits, Lookups lookups, Attach attach, EphemeralContainers ephemeral) {
    }

    /** The local end of an attached session. */
    public record Console(InputStream in, OutputStream out, OutputStream err) {
    }

    /** The source pod, the copy's spec, how long to wait for it, and what to do once it runs. */
    public record Request(String pod, DebugSpec spec, Duration timeout, boolean attach, boolean rm, Console console) {
    }

    /** The copy's name, and the debug shell's exit code (0 when not attached). */
    public record Outcome(String copy, int exitCode) {
    }

    /** {@code suffixes}: random five-letter suffixes for the copy's name (tests give fixed ones). */
    public DebugSession(Ports ports, String namespace, Progress progress, Supplier<String> suffixes,
                        Function<Throwable, SharepidException> explain) {
        this.ports = ports;
        this.namespace = namespace;
        this.progress = progress;
        this.suffixes = suffixes;
        this.explain = explain;
    }

    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    /** Five random letters and digits that cannot spell words: the default suffix of a copy's name. */
    public static String randomSuffix() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            b.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return b.toString();
    }

    public Outcome run(Request request) {
        Plan plan = planCopy(request);
        String name = plan.copy().getMetadata().getName();
        CopyReaper reaper = createAndWait(plan, request);
        if (!request.attach()) {
            progress.say("attach with: kubectl attach -it " + name + " -c " + request.spec().container() + " -n " + namespace);
            progress.say("delete with: kubectl sharepid cleanup " + name + " -n " + namespace);
            reaper.disarm();
            return new Outcome(name, 0);
        }
        try {
            return new Outcome(name, new AttachedShell(ports, namespace, name, request.spec().container(), "the copy",
                    request, progress).run(reaper::disarm));
        } finally {
            if (request.rm()) {
                reaper.reapQuietly();
            } else if (reaper.disarm()) {
                progress.say("the copy " + name + " is kept; delete it with: kubectl sharepid cleanup " + name
                        + " -n " + namespace);
            }
        }
    }

    /**
     * {@code debug --ephemeral}: the debug shell joins the live pod as an ephemeral container ({@link EphemeralShell})
     * instead of a copy; {@code target}, if not null, is the container whose process namespace it joins. The
     * outcome names the ephemeral container.
     */
    public Outcome runEphemeral(Request request, String target) {
        return new EphemeralShell(ports, namespace, progress, suffixes).run(request, target);
    }

    /** Reads the source, plans the copy (pure) and checks admission; nothing is created yet. */
    private Plan planCopy(Request request) {
        DebugSpec spec = request.spec();
        // reads the namespace while we read the pod
        AdmissionCheck admission = AdmissionCheck.begin(ports.lookups(), ports.pods(), namespace);
        Pod source = ports.pods().get(namespace, request.pod());
        SourcePodCheck.requireCopyable(source);
        if (spec.apps().hold().isEmpty()) {
            Crashes.holdHint(source).ifPresent(hint -> progress.say("hint: " + hint));
        }
        List<String> claims = spec.sameNode() ? List.of() : PodCopyPlanner.claimNames(source);
        Set<String> rwo = claims.isEmpty() ? Set.of() : ports.lookups().readWriteOnceClaims(namespace, claims);
        Plan plan = PodCopyPlanner.plan(source, spec, new PlanContext(Instant.now(), suffixes.get(), rwo));
        admission.require(spec.profile(), plan.copy());
        plan.notes().forEach(n -> progress.say("note: " + n));
        return plan;
    }

    /**
     * Creates the copy and waits until it runs; from just before the create, Ctrl-C or SIGTERM delete it,
     * and a copy that does not start, or that the server stored without a shared process namespace (the
     * one thing it is for), is deleted. Returns the reaper that owns the copy from here on.
     */
    private CopyReaper createAndWait(Plan plan, Request request) {
        String name = plan.copy().getMetadata().getName();
        String container = request.spec().container();
        progress.say("creating " + name + " in namespace " + namespace + ": a copy of " + request.pod()
                + " sharing one process namespace (every container's processes, command lines, environments"
                + " and files become visible to " + container + ")");
        CopyReaper reaper = new CopyReaper(ports.pods(), namespace, name, progress, explain);
        reaper.armOnSignal();
        Pod created;
        try {
            created = ports.pods().create(plan.copy());
        } catch (RuntimeException e) {
            reaper.disarm(); // not ours: with --copy-to the name may be another pod's (409)
            throw e;
        } finally {
            reaper.createAnswered();
        }
        if (created.getSpec() == null || !Boolean.TRUE.equals(created.getSpec().getShareProcessNamespace())) {
            throw reaper.reapAfter(SharepidException.failure("the API server dropped spec.shareProcessNamespace"
                    + " (feature gate PodShareProcessNamespace off, Kubernetes < 1.12?)"), "it shares no process namespace");
        }
        try {
            ports.waits().awaitRunning(created, container, request.timeout(), progress::say);
        } catch (RuntimeException e) {
            throw reaper.reapAfter(e, "the copy did not start");
        }
        return reaper;
    }
}
