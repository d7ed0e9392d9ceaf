package io.github.sharepid.kube.fabric8;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.github.sharepid.kube.fabric8.connect.WireSerialization;
import io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils;
import java.util.List;

/**
 * The types our calls hand to fabric8's Jackson or get back from it, for the native image's reflection
 * registrations (nativeimage.JacksonReflectionFeature walks everything Jackson reaches from them). A new
 * kind of API call adds its types here; JacksonCoverageTest drives the calls and fails if Jackson touched
 * a class the walk from these roots does not reach.
 */
public final class WireTypes {
    /**
     * Pods (get, create, dry run, list, watch, delete), the list options and watch events behind list and
     * watch, the Status of errors, deletes and the exec status channel, delete options, namespaces (Pod
     * Security labels, completion), events (why a copy did not start), claims (--same-node), the kubeconfig
     * model, what an exec credential plugin prints, and the OIDC token refresh's documents. RawExtension and
     * GenericKubernetesResource are what fabric8's KubernetesDeserializer makes, wherever a KubernetesResource
     * is expected, of an object without a kind or with one it does not know: minikube's kubeconfig
     * {@code extensions} are the first case, so no static walk from the kubeconfig model finds them. Ephemeral
     * containers are read as part of a pod's spec; Kubernetes 1.20's separate {@code EphemeralContainers} object
     * (fabric8 7.8 has no class for it) is read and written as a GenericKubernetesResource by
     * EphemeralContainerGateway, which finds the subresource's shape in the APIResourceList of {@code /api/v1}.
     */
    public static final List<Class<?>> ROOTS = List.of(
            Pod.class, PodList.class, ListOptions.class, WatchEvent.class, Status.class, DeleteOptions.class,
            Namespace.class, NamespaceList.class, Event.class, EventList.class, PersistentVolumeClaim.class,
            EphemeralContainer.class, APIResourceList.class, RawExtension.class, GenericKubernetesResource.class,
            Config.class, io.fabric8.kubernetes.client.Config.ExecCredential.class,
            OpenIDConnectionUtils.OAuthToken.class, OpenIDConnectionUtils.OpenIdConfiguration.class);

    private WireTypes() {
    }

    /** A fresh ObjectMapper with the modules and settings the commands' serialization gives its own. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        WireSerialization.create(mapper);
        return mapper;
    }
}
