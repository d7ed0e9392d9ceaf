package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.kube.EphemeralContainers.NameTaken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@link EphemeralContainers}. The server's API discovery of {@code /api/v1} says which shape the
 * {@code pods/ephemeralcontainers} subresource has: kind {@code EphemeralContainers} (Kubernetes 1.16–1.21,
 * behind the EphemeralContainers feature gate: GET the object, append, PUT it back with its resourceVersion,
 * again after a conflict) or kind {@code Pod} (1.22+: a strategic-merge PATCH of
 * {@code spec.ephemeralContainers}, which merges by name). In both, a name the pod has already is never added
 * twice: the server's answer is turned into {@link NameTaken}, see {@link #putObject} and {@link #patchPod}. No subresource: ephemeral containers are not
 * enabled, said in one line. fabric8 7.8 has no class for the old kind, so it is read as a
 * GenericKubernetesResource.
 */
public final class EphemeralContainerGateway implements EphemeralContainers {
    static final String SUBRESOURCE = "pods/ephemeralcontainers";
    private static final int CONFLICT_RETRIES = 5;

    /** The two shapes of the subresource. */
    enum Shape { EPHEMERAL_CONTAINERS, POD }

    private final KubernetesClient client;
    private final RawApi api;
    /** Null until discovery answered; written under {@code this}, so concurrent first calls ask once. */
    private volatile Shape shape;

    public EphemeralContainerGateway(KubernetesClient client) {
        this.client = client;
        this.api = new RawApi(client);
    }

    @Override
    public EphemeralContainer dryRunAdd(String namespace, String pod, EphemeralContainer container) {
        try {
            write(namespace, pod, container, true);
            return container;
        } catch (KubernetesClientException e) {
            if (container.getSecurityContext() == null || !forbidsSecurityContext(e)) {
                throw e;
            }
            EphemeralContainer without = new EphemeralContainerBuilder(container).withSecurityContext(null).build();
            write(namespace, pod, without, true);
            return without;
        }
    }

    /** The 422 of a server whose validation allows no securityContext at all in an ephemeral container. */
    private static boolean forbidsSecurityContext(KubernetesClientException e) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        return e.getCode() == 422 && message != null && message.contains(".securityContext: Forbidden");
    }

    @Override
    public Pod add(String namespace, String pod, EphemeralContainer container) {
        Pod answer = write(namespace, pod, container, false);
        return answer != null ? answer
                : KubeErrors.call(client, "get", "pods", namespace, () -> client.pods().inNamespace(namespace)
                        .withName(pod).get());
    }

    /**
     * The server's shape of the subresource, asked once per gateway ({@link Fabric8Context} builds one per
     * connection); safe from several threads. A failed discovery is not kept: the next call asks again.
     */
    Shape shape() {
        Shape known = shape;
        return known != null ? known : discoverShape();
    }

    private synchronized Shape discoverShape() {
        Shape known = shape;
        if (known == null) {
            List<APIResource> resources = KubeErrors.call(client, "get", "the API discovery of /api/v1", null,
                    () -> client.getApiResources("v1").getResources());
            String kind = resources.stream().filter(r -> SUBRESOURCE.equals(r.getName())).map(APIResource::getKind)
                    .findFirst().orElseThrow(() -> notEnabled("the server does not list " + SUBRESOURCE));
            known = "Pod".equals(kind) ? Shape.POD : Shape.EPHEMERAL_CONTAINERS;
            shape = known;
        }
        return known;
    }

    /** The write of the server's shape; the pod it answered with (1.22+), else null. */
    private Pod write(String namespace, String pod, EphemeralContainer container, boolean dryRun) {
        String path = "api/v1/namespaces/" + namespace + "/pods/" + pod + "/ephemeralcontainers"
                + (dryRun ? "?dryRun=All" : "");
        try {
            if (shape() == Shape.POD) {
                return patchPod(path, container);
            }
            putObject(namespace, pod, path, container);
            return null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw KubeErrors.podNotFound(namespace, pod);
            }
            throw KubeErrors.refused(e, shape == Shape.POD ? "patch" : "update", SUBRESOURCE, namespace,
                    client.getConfiguration());
        }
    }

    /**
     * One strategic-merge PATCH. {@code spec.ephemeralContainers} merges by name (its patchMergeKey), so this
     * patch can never append a second container of our name: when a racing call's identical container is there
     * already, the patch merges into it and changes nothing. The answers that mean another call won are a 409
     * (Conflict or AlreadyExists) and a 422 that names our container as a duplicate or as an existing one that
     * may not be changed: {@link NameTaken}.
     */
    private Pod patchPod(String path, EphemeralContainer container) {
        String patch = serialization().asJson(Map.of("spec", Map.of("ephemeralContainers", List.of(container))));
        String sent;
        try {
            sent = api.send("PATCH", path, RawApi.STRATEGIC_MERGE, patch);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || EphemeralAnswers.takenName(e, container.getName())) {
                throw new NameTaken(container.getName(), e.getCode() + " " + EphemeralAnswers.reason(e));
            }
            throw e;
        }
        Pod answer = serialization().unmarshal(sent, Pod.class);
        List<EphemeralContainer> now = answer.getSpec() == null ? null : answer.getSpec().getEphemeralContainers();
        if (now == null || now.stream().noneMatch(c -> container.getName().equals(c.getName()))) {
            throw notEnabled("the server answered without the new container");
        }
        return answer;
    }

    /**
     * GET, append, PUT with the resourceVersion read: the server's optimistic concurrency settles a race. Our
     * name already in the object read means another call won (nothing is written); a 409 Conflict on the PUT
     * means someone wrote since our GET, so we read again and find out (our name there now: they won); a 422
     * Duplicate value of our name means another call won too.
     */
    private void putObject(String namespace, String pod, String path, EphemeralContainer container) {
        String read = "api/v1/namespaces/" + namespace + "/pods/" + pod + "/ephemeralcontainers";
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource current = serialization().unmarshal(api.send("GET", read, null, null),
                    GenericKubernetesResource.class);
            if (EphemeralAnswers.lists(current, container.getName())) {
                throw new NameTaken(container.getName(), "listed by GET " + SUBRESOURCE);
            }
            Object listed = current.getAdditionalProperties().get("ephemeralContainers");
            List<Object> list = listed instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            list.add(serialization().convertValue(container, Map.class));
            current.setAdditionalProperty("ephemeralContainers", list);
            String answer;
            try {
                answer = api.send("PUT", path, RawApi.JSON, serialization().asJson(current));
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409 && attempt < CONFLICT_RETRIES) {
                    continue;
                }
                if (EphemeralAnswers.takenName(e, container.getName())) {
                    throw new NameTaken(container.getName(), e.getCode() + " " + EphemeralAnswers.reason(e));
                }
                throw e;
            }
            GenericKubernetesResource written = serialization().unmarshal(answer, GenericKubernetesResource.class);
            if (!EphemeralAnswers.lists(written, container.getName())) {
                throw notEnabled("the server answered without the new container");
            }
            return;
        }
    }

    private SharepidException notEnabled(String why) {
        return SharepidException.failure("ephemeral containers are not enabled on the API server at "
                + client.getMasterUrl() + " (" + why + "; Kubernetes 1.16-1.22 need the EphemeralContainers"
                + " feature gate); make a copy instead: kubectl sharepid debug POD");
    }

    private KubernetesSerialization serialization() {
        return client.getKubernetesSerialization();
    }
}
