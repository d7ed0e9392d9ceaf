package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.plan.CopyMarks;
import java.time.Duration;
import java.util.List;

/**
 * Every pod API call the commands make. Errors come back as {@link io.github.sharepid.SharepidException}
 * with a message that names the pod and namespace (404) or the refused verb (403).
 */
public interface PodGateway {
    /** See {@link CopyMarks}: the planner owns the marks, the gateway selects by them. */
    String MANAGED_BY_LABEL = CopyMarks.MANAGED_BY_LABEL;
    String MANAGED_BY_VALUE = CopyMarks.MANAGED_BY_VALUE;
    String SOURCE_ANNOTATION = CopyMarks.SOURCE_ANNOTATION;
    String DEBUG_CONTAINER_ANNOTATION = CopyMarks.DEBUG_CONTAINER_ANNOTATION;
    String CREATED_ANNOTATION = CopyMarks.CREATED_ANNOTATION;

    /** The pod, or a FAILURE saying {@code pod "x" not found in namespace "y"}. */
    Pod get(String namespace, String name);

    /**
     * Creates the pod with one API call and checks the returned object kept
     * {@code spec.shareProcessNamespace: true}; if the server dropped it, deletes the copy and fails.
     */
    Pod create(Pod pod);

    /**
     * Sends the create as a server-side dry run ({@code dryRun=All}): authorization, admission (Pod Security,
     * webhooks) and validation judge the pod and nothing is stored. A refusal is a FAILURE whose one line
     * says what the server said and that nothing was created.
     */
    void dryRunCreate(Pod pod);

    /**
     * The namespace's labels, or empty when it cannot be read (forbidden: many users may create pods but
     * not get their namespace) or does not exist.
     */
    java.util.Optional<java.util.Map<String, String>> namespaceLabels(String namespace);

    /**
     * Watches (no polling) until the pod is Running with {@code container} started, reporting progress;
     * fails fast with the reason and the pod's recent events on image pull errors,
     * CreateContainerConfigError, Unschedulable, the container exiting, the pod failing, or the timeout.
     * {@code created} is the pod as {@link #create} returned it: the watch starts from its resourceVersion,
     * with no GET before it.
     */
    Pod awaitRunning(Pod created, String container, Duration timeout, Progress progress);

    /**
     * Watches until {@code container} has terminated and returns its exit code, or {@code null} if it is
     * still running when {@code timeout} passes or the pod is gone.
     */
    Integer awaitExitCode(String namespace, String name, String container, Duration timeout);

    /** True if the pod no longer exists or is being deleted (it has a deletionTimestamp). */
    boolean goneOrDeleting(String namespace, String name);

    /** Deletes the pod (grace period in seconds; {@code null} = the pod's own); true if it existed. */
    boolean delete(String namespace, String name, Long gracePeriodSeconds);

    /** Pods carrying the managed-by label, in {@code namespace} or in all namespaces when it is null. */
    List<Pod> listManaged(String namespace);

    /** Names of the pods in {@code namespace}, sorted (for completion). */
    List<String> podNames(String namespace);

    /** Names of the namespaces, sorted (for completion). */
    List<String> namespaceNames();

    /**
     * Of the named PersistentVolumeClaims, those whose access modes include ReadWriteOnce or
     * ReadWriteOncePod (a copy mounting them can only start on the node that has them attached).
     * Claims that do not exist are left out.
     */
    java.util.Set<String> readWriteOnceClaims(String namespace, java.util.Collection<String> claimNames);

    /** The pod's events, oldest first, at most {@code limit}. */
    List<Event> recentEvents(String namespace, String podName, int limit);

    /** Receives one line of progress (stderr material, never data). */
    @FunctionalInterface
    interface Progress {
        void step(String message);
    }
}
