package io.github.sharepid.kube;

import io.github.sharepid.failure.SharepidException;

/**
 * One connection to one cluster for one invocation: the namespace the flags and kubeconfig chose,
 * and the ports that talk to it. Closing it closes the client.
 */
public interface KubeContext extends AutoCloseable {
    /** The namespace from {@code -n}, else the context's, else {@code default}. */
    String namespace();

    /** The API server URL, for error messages. */
    String serverUrl();

    Pods pods();

    PodWaits waits();

    Lookups lookups();

    Exec exec();

    Attach attach();

    EphemeralContainers ephemeralContainers();

    /** The local terminal as a full screen, for interactive commands; JLine loads only when one is opened. */
    Screen.Opener screens();

    /** What {@code TYPE/NAME} and {@code -l} select. */
    PodSelections podSelections();

    /** The user-facing form of a client or connection failure, or null when it is a bug, not a condition. */
    SharepidException explain(Throwable failure);

    @Override
    void close();
}
