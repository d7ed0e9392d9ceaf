package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.PodSecurityRule;
import io.github.sharepid.plan.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What {@code debug} asks before it creates the copy, so that a refusal leaves nothing behind: the
 * namespace's Pod Security level against the profile (a clear "use --profile X" when it is known to fail),
 * then a server-side dry run of the very create, which reports RBAC, admission webhooks and policies as one
 * line. A namespace the user may not read is no reason to stop: the dry run still judges the pod.
 * The namespace is read from {@link #begin} on, on a thread of its own, so that its round trip overlaps the
 * GET of the source pod; the dry run waits for the verdict on the level, so a refused profile sends no POST.
 */
final class AdmissionCheck {
    private final Pods pods;
    private final String namespace;
    private final CompletableFuture<Optional<Map<String, String>>> labels;

    private AdmissionCheck(Pods pods, String namespace, CompletableFuture<Optional<Map<String, String>>> labels) {
        this.pods = pods;
        this.namespace = namespace;
        this.labels = labels;
    }

    /** Starts reading the namespace's labels now. */
    static AdmissionCheck begin(Lookups lookups, Pods pods, String namespace) {
        return new AdmissionCheck(pods, namespace, CompletableFuture.supplyAsync(() -> lookups.namespaceLabels(namespace),
                task -> {
                    Thread t = new Thread(task, "sharepid-namespace-labels");
                    t.setDaemon(true);
                    t.start();
                }));
    }

    /** Refuses a profile the namespace's level rejects, then dry-runs the create of {@code copy}. */
    void require(Profile profile, Pod copy) {
        requireLevel(profile);
        pods.dryRunCreate(copy);
    }

    /**
     * Refuses a profile the namespace's level rejects; the caller dry-runs its own write (an ephemeral container
     * is admitted under the same rules as a pod's containers).
     */
    void requireLevel(Profile profile) {
        String level = labels().map(l -> l.get(PodSecurityRule.ENFORCE_LABEL)).orElse(null);
        PodSecurityRule.rejection(namespace, level, profile).ifPresent(why -> {
            throw SharepidException.failure(why);
        });
    }

    /** The labels, or the exception reading them threw, as if read on this thread. */
    private Optional<Map<String, String>> labels() {
        try {
            return labels.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
