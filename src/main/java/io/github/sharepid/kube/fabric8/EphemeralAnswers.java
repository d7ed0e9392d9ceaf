package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the server's answers to a write of {@code pods/ephemeralcontainers} say about a container name: whether
 * an object lists it, and whether a refusal means that another call added a container of that name first.
 */
final class EphemeralAnswers {
    private EphemeralAnswers() {
    }

    static boolean lists(GenericKubernetesResource object, String name) {
        Object listed = object.getAdditionalProperties().get("ephemeralContainers");
        return listed instanceof List<?> l && l.stream().anyMatch(c -> c instanceof Map<?, ?> m
                && Objects.equals(name, m.get("name")));
    }

    /** A 422 that says a container of this name exists: a duplicate, or an existing one that may not change. */
    static boolean takenName(KubernetesClientException e, String name) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        return e.getCode() == 422 && message != null && (message.contains("Duplicate value: \"" + name + "\"")
                || message.contains("\"" + name + "\"") && message.contains("may not be changed"));
    }

    static String reason(KubernetesClientException e) {
        return e.getStatus() == null || e.getStatus().getReason() == null ? "" : e.getStatus().getReason();
    }
}
