package io.github.sharepid.app;

import io.github.sharepid.kube.Lookups;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Namespace labels and claims as the test sets them; no pod or namespace names. */
final class FakeLookups implements Lookups {
    Map<String, String> namespaceLabels = Map.of();
    Set<String> readWriteOnce = Set.of();

    @Override
    public Optional<Map<String, String>> namespaceLabels(String namespace) {
        return Optional.of(namespaceLabels);
    }

    @Override
    public Set<String> readWriteOnceClaims(String namespace, Collection<String> claimNames) {
        return readWriteOnce;
    }

    @Override
    public List<String> podNames(String namespace) {
        return List.of();
    }

    @Override
    public List<String> namespaceNames() {
        return List.of();
    }
}
