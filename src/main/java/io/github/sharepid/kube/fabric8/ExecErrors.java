package io.github.sharepid.kube.fabric8;

import io.github.sharepid.pod.PodStates;
import io.github.sharepid.pod.Containers;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.github.sharepid.failure.SharepidException;
import java.util.Optional;

/**
 * The exec and attach half of the translation into a user's line (every other API failure is
 * {@link KubeErrors}'), for one session: an upgrade that was refused or a session that broke, naming pod and
 * container. It is a half of its own because it needs a second request: the JDK websocket client hands over
 * only the status code of a refused upgrade, not the server's explanation, so for anything but a 403 the pod
 * is looked up once more to say what is wrong: the pod or the container is missing, or the container is not
 * running. A 403 is said in the server's own words ({@link UpgradeRefusal}).
 */
final class ExecErrors {
    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;
    private final String operation;

    ExecErrors(KubernetesClient client, String namespace, String pod, String container) {
        this(client, namespace, pod, container, "exec in");
    }

    private ExecErrors(KubernetesClient client, String namespace, String pod, String container, String operation) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.operation = operation;
    }

    /** The same messages for an attach: {@code attach to pod/container}. */
    static ExecErrors attach(KubernetesClient client, String namespace, String pod, String container) {
        return new ExecErrors(client, namespace, pod, container, "attach to");
    }

    /** {@code exec in pod/container}, the subject of every exec message. */
    String where() {
        return operation + " " + pod + "/" + container;
    }

    /**
     * What to throw for an upgrade that failed with {@code cause}: a refused handshake (its HTTP status
     * decides the message) or a connection error, left for {@link KubeErrors} to name.
     */
    RuntimeException translate(Throwable cause) {
        int code = upgradeStatus(cause);
        if (code == 0) {
            return cause instanceof KubernetesClientException k ? k
                    : new KubernetesClientException("cannot " + where() + ": " + cause.getMessage(), cause);
        }
        KubernetesClientException refused = cause instanceof KubernetesClientException k && k.getCode() == code ? k
                : new KubernetesClientException("the API server refused " + where() + " (HTTP " + code + ")", cause, code,
                        null, (HttpRequest) null);
        if (code == 403) {
            return UpgradeRefusal.of(cause, where(), client.getKubernetesSerialization());
        }
        if (code != 400 && code != 404 && code != 500) {
            return refused;
        }
        return new SharepidException(SharepidException.FAILURE, "cannot " + where() + ": " + diagnose(code), cause);
    }

    /** What to throw when an open session broke before its status arrived. */
    RuntimeException lost(Throwable cause) {
        if (cause instanceof KubernetesClientException k) {
            return translate(k);
        }
        // A socket or TLS error mid-stream (e.g. "BUFFER_UNDERFLOW with EOF"): say what it means.
        return new SharepidException(SharepidException.FAILURE, where() + (connectionError(cause)
                ? ": the connection to the API server was lost (" + cause.getMessage() + ")"
                : " failed: " + cause.getMessage()), cause);
    }

    private static boolean connectionError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status of a failed read, or (no answer: code 0) what broke the connection. */
    static String why(KubernetesClientException failure) {
        if (failure.getCode() > 0) {
            return String.valueOf(failure.getCode());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return SharepidException.oneLine(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    private String diagnose(int code) {
        Pod current;
        try {
            current = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException lookupFailed) {
            return "the API server answered " + code + " (and the pod could not be read: " + why(lookupFailed) + ")";
        }
        if (current == null) {
            return "pod \"" + pod + "\" not found in namespace \"" + namespace + "\"";
        }
        if (!Containers.declares(current, container)) {
            return "container \"" + container + "\" not found in pod " + pod;
        }
        Optional<ContainerStatus> status = Containers.status(current, container);
        if (status.filter(PodStates::isRunning).isEmpty()) {
            return "container " + container + " is not running (" + PodStates.summary(current, container) + ")";
        }
        return "the API server answered " + code + " to the " + operation.split(" ")[0] + " request";
    }

    /** The HTTP status of the refused websocket upgrade or request, 0 when there was none. */
    private static int upgradeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException h && h.getResponse() != null) {
                return h.getResponse().code();
            }
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return k.getCode();
            }
        }
        return 0;
    }
}
