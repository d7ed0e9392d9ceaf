package io.github.sharepid.kube;

/** Opens a {@link KubeContext} from the connection flags; tests hand in one backed by a mock server. */
@FunctionalInterface
public interface KubeConnector {
    KubeContext connect(ConnectionOptions options);
}
