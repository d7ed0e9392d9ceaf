package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.DebugSpec;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The GET of a shared pod, started on a thread of its own so that the first exec, which needs no answer
 * from it to start, can run at the same time: one round trip instead of two. That exec must be free of side
 * effects (reading /proc, a peek-root whose output is held back until the pod is judged, or a
 * {@link ListingConversation}, which does nothing until it is sent its line; a result not used is closed). It
 * goes out with the GET only where the container is as good as known: {@code --exec-container}, or the debug
 * container every copy gets unless {@code debug -c} chose another, for a pod named like a copy
 * ({@code <pod>-sharepid-<5>}); if the pod's verdict names another container, the exec is repeated there.
 * Any other pod is read first, and the exec goes where the pod says; on a live pod that is the first candidate container, the command itself serving
 * as the probe ({@link ToolChoice#chooseByRunning}): one GET and one exec when that container has the tools.
 * With {@code --ephemeral} nothing runs before the verdict: the tools container may not exist yet.
 * {@link ToolSites#start} begins one.
 */
final class SiteLookup {
    /** The names {@code debug} gives copies: {@code CopyMetadata.copyName} with a random 5-character suffix. */
    private static final Pattern COPY_NAME = Pattern.compile(".+-sharepid-[a-z0-9]{5}");

    /**
     * A first exec, given what to wrap its {@code Exec} port in ({@link GuardedExec} when the command is also a
     * live pod's probe, else nothing), the container, and, only when it runs before the pod is judged, what its
     * output must wait for ({@link HeldOutput}); null when the verdict came first.
     */
    @FunctionalInterface
    interface FirstExec<T> {
        T run(UnaryOperator<Exec> guard, String container, CompletableFuture<Boolean> verdict);
    }

    private final ToolSites targets;
    private final String name;
    private final ToolPod request;
    private final CompletableFuture<Pod> pod = new CompletableFuture<>();

    SiteLookup(ToolSites targets, Pods pods, String namespace, ToolPod request) {
        this.targets = targets;
        this.name = request.name();
        this.request = request;
        Thread get = new Thread(() -> {
            try {
                pod.complete(pods.get(namespace, name));
            } catch (RuntimeException | Error e) {
                pod.completeExceptionally(e);
            }
        }, "sharepid-get-pod");
        get.setDaemon(true);
        get.start();
    }

    String namespace() {
        return targets.namespace();
    }

    String name() {
        return name;
    }

    /**
     * Where the first exec runs before the pod is known: the flag, else the default debug container of a pod named
     * like a copy; null when the pod must be read first (--ephemeral, or a pod not named like a copy).
     */
    String likelyExecContainer() {
        if (request.ephemeral() != null) {
            return null;
        }
        if (request.execContainer() != null) {
            return request.execContainer();
        }
        return COPY_NAME.matcher(name).matches() ? DebugSpec.DEFAULT_CONTAINER : null;
    }

    /**
     * Completes with true once the pod has been judged fit and {@code container} is its exec container, as far
     * as the pod alone says ({@link ToolSites#known}); false when the exec there must not count (the GET
     * failed, the pod was refused, another container, or one that only a probe can choose).
     */
    CompletableFuture<Boolean> approves(String container) {
        return pod.handle((got, error) -> {
            if (error != null) {
                return false;
            }
            try {
                return targets.known(request, got).map(t -> t.execContainer().equals(container)).orElse(false);
            } catch (RuntimeException refused) {
                return false; // the command gets the same refusal from the verdict
            }
        });
    }

    /** The pod, once the GET is back; its errors are the GET's own. */
    private Pod got() {
        try {
            return pod.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Runs {@code first} and returns its result with the judged pod. Sent with the GET where the container is
     * as good as known ({@link #likelyExecContainer}), else after it, where the pod says. The pod's verdict
     * comes first: a missing pod or one that does not share its process namespace fails as it would have
     * without the exec. An exec that went out in a container the verdict does not name runs again where it does.
     */
    <T> Judged<T> withFirstExec(FirstExec<T> first) {
        String guess = likelyExecContainer();
        if (guess == null) {
            return targets.judgeRunning(request, got(), first);
        }
        T result = null;
        RuntimeException failed = null;
        try {
            result = first.run(UnaryOperator.identity(), guess, approves(guess));
        } catch (RuntimeException e) {
            failed = e;
        }
        Pod judged;
        Optional<ToolSite> known;
        try {
            judged = got();
            known = targets.known(request, judged);
        } catch (RuntimeException e) {
            if (failed != null) {
                e.addSuppressed(failed);
            }
            discard(result);
            throw e;
        }
        if (known.isEmpty() || !known.get().execContainer().equals(guess)) {
            discard(result);
            return targets.judgeRunning(request, judged, first); // the guess was wrong: run where the pod says
        }
        if (failed != null) {
            throw failed;
        }
        return new Judged<>(known.get(), result);
    }

    /** Ends a result that will not be used if it is still running: a {@link ListingConversation} is sent nothing. */
    private static void discard(Object unused) {
        if (unused instanceof AutoCloseable running) {
            try {
                running.close();
            } catch (Exception e) {
                // nothing was asked of it; what it could not end ends with the process
            }
        }
    }

    /** An exec's result and the pod it was judged against. */
    record Judged<T>(ToolSite target, T result) {
    }
}
