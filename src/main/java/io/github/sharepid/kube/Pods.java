package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The pod calls of the use cases: read one, create (and dry-run) a copy, list and delete copies. Errors come
 * back as {@link io.github.sharepid.failure.SharepidException} with a message that names the pod and
 * namespace (404) or the refused verb (403).
 */
public interface Pods {
    /** The pod, or a FAILURE saying {@code pod "x" not found in namespace "y"}. */
    Pod get(String namespace, String name);

    /**
     * Creates the pod with one API call and returns what the server stored, which may differ from what was
     * sent (a server without a feature drops its fields): the caller judges it.
     */
    Pod create(Pod pod);

    /**
     * Sends the create as a server-side dry run ({@code dryRun=All}): authorization, admission (Pod Security,
     * webhooks) and validation judge the pod and nothing is stored. A refusal is a FAILURE whose one line
     * says what the server said and that nothing was created.
     */
    void dryRunCreate(Pod pod);

    /** True if the pod no longer exists or is being deleted (it has a deletionTimestamp). */
    boolean goneOrDeleting(String namespace, String name);

    /** Deletes the pod (grace period in seconds; {@code null} = the pod's own); true if it existed. */
    boolean delete(String namespace, String name, Long gracePeriodSeconds);

    /** Pods carrying the managed-by label, in {@code namespace} or in all namespaces when it is null. */
    List<Pod> listManaged(String namespace);
}
