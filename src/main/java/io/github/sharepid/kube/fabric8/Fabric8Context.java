package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.kube.Screen;

/** The real {@link KubeContext}: one fabric8 client and the adapters over it. */
public final class Fabric8Context implements KubeContext {
    private final KubernetesClient client;
    private final KubePodGateway gateway;
    private final ChannelHttpClientFactory negotiation;

    /** A client built elsewhere (tests): exec and attach speak v4.channel.k8s.io only. */
    public Fabric8Context(KubernetesClient client) {
        this(client, null);
    }

    /** {@code negotiation}: the HTTP client factory {@code client} was built with, so exec and attach offer v5 too. */
    public Fabric8Context(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this.client = client;
        this.gateway = new KubePodGateway(client);
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
        return new Fabric8Executor(client, negotiation);
    }

    @Override
    public Attach attach() {
        return new Fabric8Attacher(client, negotiation);
    }

    @Override
    public EphemeralContainers ephemeralContainers() {
        return new EphemeralContainerGateway(client);
    }

    @Override
    public Screen.Opener screens() {
        return TerminalScreen::open;
    }

    @Override
    public PodSelections podSelections() {
        return new KubePodSelections(client);
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
