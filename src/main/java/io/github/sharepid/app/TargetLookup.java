package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.DebugSpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The GET of a shared pod, started on a thread of its own so that the first exec, which needs no answer
 * from it to start, runs at the same time: one round trip instead of two. That exec must be free of side
 * effects (reading /proc, or a peek-root whose output is held back until the pod is judged). It runs in
 * {@code --exec-container}, else in the debug container name every copy gets unless {@code debug -c} chose
 * another; only when the pod's verdict names another container (another debug container, the one a live pod's
 * probe chose) is the exec repeated there, after the GET. With {@code --ephemeral} nothing runs before the
 * verdict: the tools container may not exist yet.
 * {@link ToolTargets#start} begins one; the exec itself needs nothing from the {@code Exec} port but the
 * container name, so the port stays as it is.
 */
final class TargetLookup {
    private final ToolTargets targets;
    private final String name;
    private final ToolPod request;
    private final CompletableFuture<Pod> pod = new CompletableFuture<>();
    /** The verdict, once {@link #resolve} has reached it: execs after it count if they run where it says. */
    private volatile ToolTarget resolved;
    /** True when the verdict came from a probe of the live pod's containers, not from the pod alone. */
    private volatile boolean probed;

    TargetLookup(ToolTargets targets, Pods pods, String namespace, ToolPod request) {
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
     * Where the first exec runs before the pod is known: the flag, else the default debug container; null with
     * --ephemeral (no exec before the verdict).
     */
    String likelyExecContainer() {
        if (request.ephemeral() != null) {
            return null;
        }
        return request.execContainer() != null ? request.execContainer() : DebugSpec.DEFAULT_CONTAINER;
    }

    /**
     * Completes with true once the pod has been judged fit and {@code container} is its exec container, as far
     * as the pod alone says ({@link ToolTargets#known}); false when the exec there must not count (the GET
     * failed, the pod was refused, another container, or one that only a probe can choose).
     */
    CompletableFuture<Boolean> approves(String container) {
        ToolTarget verdict = resolved;
        if (verdict != null) {
            return CompletableFuture.completedFuture(verdict.execContainer().equals(container));
        }
        return pod.handle((got, error) -> {
            if (error != null) {
                return false;
            }
            try {
                return targets.known(request, got).map(t -> t.execContainer().equals(container)).orElse(false);
            } catch (RuntimeException refused) {
                return false; // resolve() throws the same refusal to the command
            }
        });
    }

    /** Waits for the GET and judges the pod ({@link ToolTargets#judge}); its errors are the GET's own. */
    ToolTarget resolve() {
        Pod got;
        try {
            got = pod.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        probed = request.ephemeral() == null && targets.known(request, got).isEmpty();
        resolved = targets.judge(request, got);
        return resolved;
    }

    /**
     * Runs {@code exec} (given the container to run in) while the GET is under way and returns its result
     * with the judged pod. The pod's verdict comes first: a missing pod or one that does not share its
     * process namespace fails as it would have without the exec. If the container guessed was not the
     * pod's exec container, or a probe had to choose it, {@code exec} runs again in the right one.
     */
    <T> Judged<T> withFirstExec(Function<String, T> exec) {
        String guess = likelyExecContainer();
        if (guess == null) {
            ToolTarget target = resolve();
            return new Judged<>(target, exec.apply(target.execContainer()));
        }
        T result = null;
        RuntimeException failed = null;
        try {
            result = exec.apply(guess);
        } catch (RuntimeException e) {
            failed = e;
        }
        ToolTarget target;
        try {
            target = resolve();
        } catch (RuntimeException e) {
            if (failed != null) {
                e.addSuppressed(failed);
            }
            throw e;
        }
        if (!target.execContainer().equals(guess) || probed) {
            // another container, or one the exec ran in before it was approved (its output was held back)
            return new Judged<>(target, exec.apply(target.execContainer()));
        }
        if (failed != null) {
            throw failed;
        }
        return new Judged<>(target, result);
    }

    /** An exec's result and the pod it was judged against. */
    record Judged<T>(ToolTarget target, T result) {
    }
}
