package io.github.sharepid.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds the fabric8 client from kubeconfig and the kubectl flags, the way kubectl resolves them. */
public final class Fabric8Connector implements KubeConnector {
    @Override
    public KubeContext connect(ConnectionOptions options) {
        Config config = Config.autoConfigure(options.context());
        if (options.namespace() != null) {
            config.setNamespace(options.namespace());
        }
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new Fabric8Context(client);
    }
}
