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

/**
 * The real {@link KubeContext}: one fabric8 client and the adapters over it, each built once, so that every
 * use case of the invocation (and every pod of a fan-out) shares the same adapters and what they learn of
 * the server (the ephemeral-containers API shape). The adapters are safe to use from several threads.
 */
public final class Fabric8Context implements KubeContext {
    private final KubernetesClient client;
    private final KubePodGateway gateway;
    private final Lookups lookups;
    private final Exec exec;
    private final Attach attach;
    private final EphemeralContainers ephemeralContainers;
    private final PodSelections podSelections;

    /** A client built elsewhere (tests): exec and attach speak v4.channel.k8s.io only. */
    public Fabric8Context(KubernetesClient client) {
        this(client, null);
    }

    /** {@code negotiation}: the HTTP client factory {@code client} was built with, so exec and attach offer v5 too. */
    public Fabric8Context(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this.client = client;
        this.gateway = new KubePodGateway(client);
        this.lookups = new KubeLookups(client);
        this.exec = new Fabric8Executor(client, negotiation);
        this.attach = new Fabric8Attacher(client, negotiation);
        this.ephemeralContainers = new EphemeralContainerGateway(client);
        this.podSelections = new KubePodSelections(client);
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
        return lookups;
    }

    @Override
    public Exec exec() {
        return exec;
    }

    @Override
    public Attach attach() {
        return attach;
    }

    @Override
    public EphemeralContainers ephemeralContainers() {
        return ephemeralContainers;
    }

    @Override
    public Screen.Opener screens() {
        return TerminalScreen::open;
    }

    @Override
    public PodSelections podSelections() {
        return podSelections;
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
