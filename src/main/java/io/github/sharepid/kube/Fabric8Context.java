package io.github.sharepid.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The real {@link KubeContext}: one fabric8 client and the adapters over it. */
public final class Fabric8Context implements KubeContext {
    private final KubernetesClient client;

    public Fabric8Context(KubernetesClient client) {
        this.client = client;
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
    public PodGateway pods() {
        return new KubePodGateway(client);
    }

    @Override
    public RemoteExecutor executor() {
        return new Fabric8Executor(client);
    }

    @Override
    public Attacher attacher() {
        return new Fabric8Attacher(client);
    }

    @Override
    public void close() {
        client.close();
    }
}
