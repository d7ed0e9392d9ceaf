package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Adds an ephemeral container to a live pod (the {@code pods/ephemeralcontainers} subresource). The API can
 * never remove one again, so a caller says so before {@link #add}. The adapter chooses the server's API shape
 * (Kubernetes 1.16–1.21: an {@code EphemeralContainers} object; 1.22+: a {@code Pod}) by discovery, never by
 * trying both. A 403 names the refused verb on {@code pods/ephemeralcontainers}; a server without ephemeral
 * containers is one line that says so. Neither call ever adds a second container of a name the pod has: the
 * server's answer that the name is taken is {@link NameTaken}.
 */
public interface EphemeralContainers {
    /**
     * The API server's answer that the pod already has an ephemeral container of this name: another call added
     * it first (they raced; this one lost). The caller reads the pod again and uses that container.
     */
    final class NameTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NameTaken(String container, String answer) {
            super("the pod already has an ephemeral container " + container + " (" + answer + ")");
        }
    }

    /**
     * Sends the very write {@link #add} would send as a server-side dry run ({@code dryRun=All}): RBAC,
     * admission and validation judge it and nothing is stored. Returns the container as the server accepts it:
     * {@code container} itself, or, from a server whose validation forbids any securityContext in an ephemeral
     * container (Kubernetes before 1.23 says "cannot be set for an Ephemeral Container"), a copy without one,
     * judged by a second dry run. The caller decides whether that copy may be added.
     */
    EphemeralContainer dryRunAdd(String namespace, String pod, EphemeralContainer container);

    /**
     * Adds {@code container} to the pod's {@code spec.ephemeralContainers}; returns the pod as stored after it.
     * Throws {@link NameTaken} when a container of its name is there already, however the server says so.
     */
    Pod add(String namespace, String pod, EphemeralContainer container);
}
