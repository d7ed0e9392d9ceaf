package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.kube.Lookups;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The real {@link Lookups}: namespaces, claims and pod names, through the fabric8 client. */
public final class KubeLookups implements Lookups {
    private static final Set<String> SINGLE_NODE_MODES = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    private final KubernetesClient client;

    public KubeLookups(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<Map<String, String>> namespaceLabels(String namespace) {
        try {
            Namespace ns = client.namespaces().withName(namespace).get();
            return ns == null ? Optional.empty()
                    : Optional.of(ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> podNames(String namespace) {
        return call("list", "pods", namespace, () -> client.pods().inNamespace(namespace).list().getItems().stream()
                .map(p -> p.getMetadata().getName()).sorted().toList());
    }

    @Override
    public List<String> namespaceNames() {
        return call("list", "namespaces", null, () -> client.namespaces().list().getItems().stream()
                .map(n -> n.getMetadata().getName()).sorted().toList());
    }

    @Override
    public Set<String> readWriteOnceClaims(String namespace, Collection<String> claimNames) {
        Set<String> singleNode = new LinkedHashSet<>();
        for (String claim : claimNames) {
            PersistentVolumeClaim pvc = call("get", "persistentvolumeclaims", namespace,
                    () -> client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get());
            if (pvc != null && accessModes(pvc).anyMatch(SINGLE_NODE_MODES::contains)) {
                singleNode.add(claim);
            }
        }
        return singleNode;
    }

    private static Stream<String> accessModes(PersistentVolumeClaim pvc) {
        List<String> spec = pvc.getSpec() == null ? null : pvc.getSpec().getAccessModes();
        List<String> bound = pvc.getStatus() == null ? null : pvc.getStatus().getAccessModes();
        return Stream.concat(spec == null ? Stream.empty() : spec.stream(),
                bound == null ? Stream.empty() : bound.stream());
    }

    private <T> T call(String verb, String resource, String namespace, Supplier<T> request) {
        return KubeErrors.call(client, verb, resource, namespace, request);
    }
}
