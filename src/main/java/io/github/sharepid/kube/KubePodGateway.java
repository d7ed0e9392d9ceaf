package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.github.sharepid.SharepidException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real {@link PodGateway}: every pod, claim and event call goes through the fabric8 client given to
 * the constructor. 404 and 409 become messages that name the pod and namespace; a 403 always says which
 * verb was refused; other API errors propagate for {@link KubeErrors}.
 */
public final class KubePodGateway implements PodGateway {
    private static final int EVENTS_IN_FAILURES = 5;
    private static final Set<String> SINGLE_NODE_MODES = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    private final KubernetesClient client;
    private final PodWatch watch;

    public KubePodGateway(KubernetesClient client) {
        this(client, PodWatch.fabric8(client));
    }

    /** For tests that check every watch is closed. */
    KubePodGateway(KubernetesClient client, PodWatch.Opener opener) {
        this.client = client;
        this.watch = new PodWatch(client, opener);
    }

    @Override
    public Pod get(String namespace, String name) {
        Pod pod = call("get", "pods", namespace, () -> pod(namespace, name).get());
        if (pod == null) {
            throw ApiFailures.podNotFound(namespace, name);
        }
        return pod;
    }

    @Override
    public Pod create(Pod pod) {
        String namespace = namespaceOf(pod);
        String name = pod.getMetadata().getName();
        Pod created;
        try {
            created = call("create", "pods", namespace, () -> client.pods().inNamespace(namespace).resource(pod).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw alreadyExists(namespace, name, e);
            }
            throw e;
        }
        if (created.getSpec() == null || !Boolean.TRUE.equals(created.getSpec().getShareProcessNamespace())) {
            throw droppedShareProcessNamespace(namespace, name);
        }
        return created;
    }

    @Override
    public void dryRunCreate(Pod pod) {
        String namespace = namespaceOf(pod);
        try {
            client.pods().inNamespace(namespace).resource(pod).dryRun().create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw alreadyExists(namespace, pod.getMetadata().getName(), e);
            }
            if (ApiFailures.isAdmissionRefusal(e)) {
                throw ApiFailures.wouldReject(e, pod.getMetadata().getName(), namespace);
            }
            throw ApiFailures.refused(e, "create", "pods", namespace, client.getConfiguration());
        }
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
    public Pod awaitRunning(Pod created, String container, Duration timeout, Progress progress) {
        String namespace = namespaceOf(created);
        String name = created.getMetadata().getName();
        return watch.await(namespace, name, timeout,
                new StartupJudge(name, container, timeout, progress, () -> eventsSuffix(namespace, name)), created);
    }

    @Override
    public Integer awaitExitCode(String namespace, String name, String container, Duration timeout) {
        return watch.await(namespace, name, timeout, new ExitCodeJudge(container));
    }

    @Override
    public boolean goneOrDeleting(String namespace, String name) {
        Pod pod = call("get", "pods", namespace, () -> pod(namespace, name).get());
        return pod == null || pod.getMetadata().getDeletionTimestamp() != null;
    }

    @Override
    public boolean delete(String namespace, String name, Long gracePeriodSeconds) {
        return call("delete", "pods", namespace, () -> {
            PodResource pod = pod(namespace, name);
            return !(gracePeriodSeconds == null ? pod.delete() : pod.withGracePeriod(gracePeriodSeconds).delete())
                    .isEmpty();
        });
    }

    @Override
    public List<Pod> listManaged(String namespace) {
        return call("list", "pods", namespace,
                () -> (namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace))
                        .withLabel(MANAGED_BY_LABEL, MANAGED_BY_VALUE).list().getItems());
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

    @Override
    public List<Event> recentEvents(String namespace, String podName, int limit) {
        List<Event> events = call("list", "events", namespace, () -> client.v1().events().inNamespace(namespace)
                .withField("involvedObject.name", podName).withField("involvedObject.kind", "Pod")
                .list().getItems());
        return PodEvents.latest(events, limit);
    }

    private String namespaceOf(Pod pod) {
        return pod.getMetadata().getNamespace() != null ? pod.getMetadata().getNamespace() : client.getNamespace();
    }

    private static SharepidException alreadyExists(String namespace, String name, KubernetesClientException e) {
        return new SharepidException(SharepidException.FAILURE, "pod \"" + name + "\" already exists in"
                + " namespace \"" + namespace + "\" (choose another --copy-to)", e);
    }

    private PodResource pod(String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name);
    }

    private SharepidException droppedShareProcessNamespace(String namespace, String name) {
        String cleanup;
        try {
            delete(namespace, name, 0L);
            cleanup = "deleted the copy " + name;
        } catch (KubernetesClientException | SharepidException e) {
            cleanup = "could not delete the copy " + name + " (" + e.getMessage() + "), delete it yourself";
        }
        return SharepidException.failure("the API server dropped spec.shareProcessNamespace (feature gate"
                + " PodShareProcessNamespace off, Kubernetes < 1.12?); " + cleanup);
    }

    /** The pod's recent events for a failure message; a failure to list them must not hide the real one. */
    private String eventsSuffix(String namespace, String name) {
        try {
            return PodEvents.suffix(recentEvents(namespace, name, EVENTS_IN_FAILURES));
        } catch (KubernetesClientException | SharepidException e) {
            return "";
        }
    }

    private static Stream<String> accessModes(PersistentVolumeClaim pvc) {
        List<String> spec = pvc.getSpec() == null ? null : pvc.getSpec().getAccessModes();
        List<String> bound = pvc.getStatus() == null ? null : pvc.getStatus().getAccessModes();
        return Stream.concat(spec == null ? Stream.empty() : spec.stream(), bound == null ? Stream.empty() : bound.stream());
    }

    private <T> T call(String verb, String resource, String namespace, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw ApiFailures.refused(e, verb, resource, namespace, client.getConfiguration());
        }
    }
}
