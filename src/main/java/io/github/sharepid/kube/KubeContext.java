package io.github.sharepid.kube;

/**
 * One connection to one cluster for one invocation: the namespace the flags and kubeconfig chose,
 * and the adapters that talk to it. Closing it closes the client.
 */
public interface KubeContext extends AutoCloseable {
    /** The namespace from {@code -n}, else the context's, else {@code default}. */
    String namespace();

    /** The API server URL, for error messages. */
    String serverUrl();

    PodGateway pods();

    RemoteExecutor executor();

    Attacher attacher();

    @Override
    void close();
}
