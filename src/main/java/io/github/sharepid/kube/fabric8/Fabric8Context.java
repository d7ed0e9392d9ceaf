package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.Pods;

/** The real {@link KubeContext}: one fabric8 client and the adapters over it. */
public final class Fabric8Context implements KubeContext {
    private final KubernetesClient client;
    private final KubePodGateway gateway;

    public Fabric8Context(KubernetesClient client) {
        this.client = client;
        this.gateway = new KubePodGateway(client);
    }

    @Override
    public String namespace() {
        String ns = client.getNamespace();
        return ns == null || ns.isBlank() ? "default" : ns;
    }

    @Override
    public String serverUrl() {
        return String.valueOf(client.getMasterUrl());
    }

    @Override
    public Pods pods() {
        return gateway;
    }

    @Override
    public PodWaits waits() {
        return gateway;
    }

    @Override
    public Lookups lookups() {
        return new KubeLookups(client);
    }

    @Override
    public Exec exec() {
        return new Fabric8Executor(client);
    }

    @Override
    public Attach attach() {
        return new Fabric8Attacher(client);
    }

    @Override
    public SharepidException explain(Throwable failure) {
        return KubeErrors.translate(failure, serverUrl());
    }

    @Override
    public void close() {
        client.close();
    }
}
