package io.github.sharepid.kube.fabric8.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * fabric8's JSON and YAML reading and writing as the commands use it, for the client and for kubeconfig files.
 *
 * <p>Where the model types a field as any {@code KubernetesResource} (a watch event's object, a kubeconfig
 * extension), fabric8's {@code KubernetesDeserializer} picks the class by the object's kind. Its default mapping
 * is built the first time Jackson meets such a field, by loading every kind of every model jar through a
 * {@code ServiceLoader}: 720 model classes for one {@code ps} (every kubeconfig has the extensions field), of
 * which the command reads about 200. Here the mapping holds only {@link #KINDS}, the kinds that reach such a
 * field in our calls; any other kind is read as a {@code GenericKubernetesResource} (no kind: a
 * {@code RawExtension}), which is what fabric8 made of a minikube extension before too.
 */
public final class WireSerialization {
    /**
     * Status: a watch's ERROR event (410 Gone, a refused watch); fabric8's watch handles it as a Status only if
     * the mapping made one, else it logs "not a status" and retries. Pod: the objects of our pod watches
     * ({@code debug} waiting for its copy or container), read straight as a Pod instead of as a generic resource
     * that fabric8 then converts.
     */
    public static final List<Class<? extends KubernetesResource>> KINDS = List.of(Pod.class, Status.class);

    private WireSerialization() {
    }

    /** A serialization over a fresh mapper. */
    public static KubernetesSerialization create() {
        return create(new ObjectMapper());
    }

    /** A serialization over {@code mapper}, which fabric8 configures (modules, settings) as it would its own. */
    public static KubernetesSerialization create(ObjectMapper mapper) {
        KubernetesSerialization serialization = new KubernetesSerialization(mapper, false);
        KINDS.forEach(serialization::registerKubernetesResource);
        return serialization;
    }
}
