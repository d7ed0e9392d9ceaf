package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.pod.LabelSelectors;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real {@link PodSelections}: the workload's GET through its typed client, its selector turned into a
 * string by {@link LabelSelectors}, and the pods' LIST with that string as {@code labelSelector}, so the server
 * evaluates it exactly as kubectl's would be.
 */
public final class KubePodSelections implements PodSelections {
    private final KubernetesClient client;

    public KubePodSelections(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public String selectorOf(String namespace, Kind kind, String name) {
        HasMetadata workload = call("get", kind, namespace, () -> get(namespace, kind, name));
        if (workload == null) {
            throw SharepidException.failure(kind.singular() + " \"" + name + "\" not found in namespace \""
                    + namespace + "\"");
        }
        String query = LabelSelectors.query(selector(workload));
        if (query.isEmpty()) {
            throw SharepidException.failure(kind.singular() + " " + name + " has an empty selector: it would select"
                    + " every pod in namespace " + namespace + "; use -l to say which");
        }
        return query;
    }

    @Override
    public List<Pod> select(String namespace, String selector) {
        var options = new ListOptionsBuilder().withLabelSelector(selector).build();
        return KubeErrors.call(client, "list", "pods", namespace, () -> (namespace == null
                ? client.pods().inAnyNamespace().list(options) : client.pods().inNamespace(namespace).list(options))
                .getItems());
    }

    @Override
    public List<String> names(String namespace, Kind kind) {
        return call("list", kind, namespace, () -> (switch (kind) {
            case DEPLOYMENT -> client.apps().deployments().inNamespace(namespace).list().getItems();
            case STATEFULSET -> client.apps().statefulSets().inNamespace(namespace).list().getItems();
            case DAEMONSET -> client.apps().daemonSets().inNamespace(namespace).list().getItems();
            case REPLICASET -> client.apps().replicaSets().inNamespace(namespace).list().getItems();
            case JOB -> client.batch().v1().jobs().inNamespace(namespace).list().getItems();
        }).stream().map(w -> w.getMetadata().getName()).sorted().toList());
    }

    private HasMetadata get(String namespace, Kind kind, String name) {
        return switch (kind) {
            case DEPLOYMENT -> client.apps().deployments().inNamespace(namespace).withName(name).get();
            case STATEFULSET -> client.apps().statefulSets().inNamespace(namespace).withName(name).get();
            case DAEMONSET -> client.apps().daemonSets().inNamespace(namespace).withName(name).get();
            case REPLICASET -> client.apps().replicaSets().inNamespace(namespace).withName(name).get();
            case JOB -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        };
    }

    private static LabelSelector selector(HasMetadata workload) {
        if (workload instanceof Deployment d) {
            return d.getSpec().getSelector();
        } else if (workload instanceof StatefulSet s) {
            return s.getSpec().getSelector();
        } else if (workload instanceof DaemonSet d) {
            return d.getSpec().getSelector();
        } else if (workload instanceof ReplicaSet r) {
            return r.getSpec().getSelector();
        }
        return ((Job) workload).getSpec().getSelector();
    }

    private <T> T call(String verb, Kind kind, String namespace, Supplier<T> request) {
        return KubeErrors.call(client, verb, kind.singular() + "s", namespace, request);
    }
}
