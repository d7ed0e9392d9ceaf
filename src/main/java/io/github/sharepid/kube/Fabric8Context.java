package io.github.sharepid.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The real {@link KubeContext}: one fabric8 client and the adapters over it. */
public final class Fabric8Context implements KubeContext {
    private final KubernetesClient client;
    private final ChannelHttpClientFactory negotiation;

    /** A client built elsewhere (tests): exec and attach speak v4.channel.k8s.io only. */
    public Fabric8Context(KubernetesClient client) {
        this(client, null);
    }

    /** {@code negotiation}: the HTTP client factory {@code client} was built with, so exec and attach offer v5 too. */
    public Fabric8Context(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this.client = client;
        this.negotiation = negotiation;
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
        return new Fabric8Executor(client, negotiation);
    }

    @Override
    public Attacher attacher() {
        return new Fabric8Attacher(client, negotiation);
    }

    @Override
    public void close() {
        client.close();
    }
}
