package io.github.sharepid.kube.fabric8;

import io.github.sharepid.pod.StartupJudge;
import io.github.sharepid.pod.PodEvents;
import io.github.sharepid.pod.ExitCodeJudge;
import io.github.sharepid.pod.CopyMarks;
import java.util.function.Consumer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.Pods;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real {@link Pods} and {@link PodWaits}: every pod, claim and event call goes through the fabric8 client given to
 * the constructor. 404 and 409 become messages that name the pod and namespace; a 403 always says which
 * verb was refused; other API errors propagate for {@link KubeErrors}.
 */
public final class KubePodGateway implements Pods, PodWaits {
    private static final int EVENTS_IN_FAILURES = 5;

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
            throw KubeErrors.podNotFound(namespace, name);
        }
        return pod;
    }

    @Override
    public Pod create(Pod pod) {
        String namespace = namespaceOf(pod);
        String name = pod.getMetadata().getName();
        try {
            return call("create", "pods", namespace, () -> client.pods().inNamespace(namespace).resource(pod).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw KubeErrors.alreadyExists(namespace, name, e);
            }
            throw e;
        }
    }

    @Override
    public void dryRunCreate(Pod pod) {
        String namespace = namespaceOf(pod);
        try {
            client.pods().inNamespace(namespace).resource(pod).dryRun().create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw KubeErrors.alreadyExists(namespace, pod.getMetadata().getName(), e);
            }
            if (KubeErrors.isAdmissionRefusal(e)) {
                throw KubeErrors.wouldReject(e, pod.getMetadata().getName(), namespace);
            }
            throw KubeErrors.refused(e, "create", "pods", namespace, client.getConfiguration());
        }
    }

    @Override
    public Pod awaitRunning(Pod created, String container, Duration timeout, Consumer<String> progress) {
        String namespace = namespaceOf(created);
        String name = created.getMetadata().getName();
        // an ephemeral container joins a running pod: the pod's and its other containers' events say nothing of it
        boolean ephemeral = Stream.ofNullable(created.getSpec()).map(PodSpec::getEphemeralContainers)
                .flatMap(Stream::ofNullable).flatMap(List::stream).anyMatch(c -> container.equals(c.getName()));
        return watch.await(namespace, name, timeout, new StartupJudge(name, container, timeout, progress,
                () -> eventsSuffix(namespace, name, ephemeral ? container : null)), created);
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
                        .withLabel(CopyMarks.MANAGED_BY_LABEL, CopyMarks.MANAGED_BY_VALUE).list().getItems());
    }

    /** The pod's events, oldest first, at most {@code limit}. */
    public List<Event> recentEvents(String namespace, String podName, int limit) {
        List<Event> events = call("list", "events", namespace, () -> client.v1().events().inNamespace(namespace)
                .withField("involvedObject.name", podName).withField("involvedObject.kind", "Pod")
                .list().getItems());
        return PodEvents.latest(events, limit);
    }

    private String namespaceOf(Pod pod) {
        return pod.getMetadata().getNamespace() != null ? pod.getMetadata().getNamespace() : client.getNamespace();
    }

    private PodResource pod(String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name);
    }

    /** The pod's recent events for a failure message; a failure to list them must not hide the real one. */
    private String eventsSuffix(String namespace, String name, String onlyOf) {
        try {
            return PodEvents.suffix(onlyOf == null ? recentEvents(namespace, name, EVENTS_IN_FAILURES)
                    : PodEvents.latest(PodEvents.about(recentEvents(namespace, name, Integer.MAX_VALUE), onlyOf),
                            EVENTS_IN_FAILURES));
        } catch (KubernetesClientException | SharepidException e) {
            return "";
        }
    }

    private <T> T call(String verb, String resource, String namespace, Supplier<T> request) {
        return KubeErrors.call(client, verb, resource, namespace, request);
    }
}
