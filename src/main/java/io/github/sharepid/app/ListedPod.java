package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.Pods;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link Pods} port of one selected pod's run: its first GET of that pod is answered with the object the
 * selection's LIST returned a moment ago, so each pod costs its exec and no second read; any later read (an
 * ephemeral container awaited) goes to the API server as before.
 */
final class ListedPod implements Pods {
    private final Pods api;
    private final String namespace;
    private final String name;
    private final AtomicReference<Pod> listed;

    ListedPod(Pods api, PodSelection.Member member) {
        this.api = api;
        this.namespace = member.namespace();
        this.name = member.name();
        this.listed = new AtomicReference<>(member.pod());
    }

    @Override
    public Pod get(String namespace, String name) {
        Pod pod = this.namespace.equals(namespace) && this.name.equals(name) ? listed.getAndSet(null) : null;
        return pod != null ? pod : api.get(namespace, name);
    }

    @Override
    public Pod create(Pod pod) {
        return api.create(pod);
    }

    @Override
    public void dryRunCreate(Pod pod) {
        api.dryRunCreate(pod);
    }

    @Override
    public boolean goneOrDeleting(String namespace, String name) {
        return api.goneOrDeleting(namespace, name);
    }

    @Override
    public boolean delete(String namespace, String name, Long gracePeriodSeconds) {
        return api.delete(namespace, name, gracePeriodSeconds);
    }

    @Override
    public List<Pod> listManaged(String namespace) {
        return api.listManaged(namespace);
    }
}
