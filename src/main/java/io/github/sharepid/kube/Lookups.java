package io.github.sharepid.kube;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads about the cluster around a pod: namespace labels, volume claims, names for completion. */
public interface Lookups {
    /**
     * The namespace's labels, or empty when it cannot be read (forbidden: many users may create pods but
     * not get their namespace) or does not exist.
     */
    Optional<Map<String, String>> namespaceLabels(String namespace);

    /**
     * Of the named PersistentVolumeClaims, those whose access modes include ReadWriteOnce or
     * ReadWriteOncePod (a copy mounting them can only start on the node that has them attached).
     * Claims that do not exist are left out.
     */
    Set<String> readWriteOnceClaims(String namespace, Collection<String> claimNames);

    /** Names of the pods in {@code namespace}, sorted (for completion). */
    List<String> podNames(String namespace);

    /** Names of the namespaces, sorted (for completion). */
    List<String> namespaceNames();
}
