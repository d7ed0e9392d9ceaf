package io.github.sharepid.kube.fabric8;

import io.github.sharepid.pod.PodStates;
import io.github.sharepid.pod.Containers;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.github.sharepid.failure.SharepidException;
import java.util.Optional;

/**
 * One-line messages for an exec that could not start, naming pod and container. The JDK websocket
 * client hands over only the status code of a refused upgrade, not the server's explanation, so for
 * anything but a 403 the pod is looked up once more to say what is wrong: the pod or the container is
 * missing, or the container is not running.
 */
final class ExecFailures {
    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;

    ExecFailures(KubernetesClient client, String namespace, String pod, String container) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
    }

    /** {@code exec in pod/container}, the subject of every exec message. */
    String where() {
        return "exec in " + pod + "/" + container;
    }

    RuntimeException translate(KubernetesClientException e) {
        int code = upgradeStatus(e);
        if (code == 403) {
            // a refused upgrade carries no Status, so this builds "cannot create pods/exec ..." itself
            return ApiFailures.refused(e.getCode() == 403 ? e : new KubernetesClientException(e.getMessage(), 403, null),
                    "create", "pods/exec", namespace, client.getConfiguration());
        }
        boolean aboutTheTarget = code == 400 || code == 404 || code == 500
                || code == 0 && String.valueOf(e.getMessage()).contains("container");
        if (!aboutTheTarget) {
            return e;
        }
        return new SharepidException(SharepidException.FAILURE, "cannot " + where() + ": " + diagnose(code), e);
    }

    private String diagnose(int code) {
        Pod current;
        try {
            current = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException lookupFailed) {
            return "the API server answered " + code + " (and the pod could not be read: " + lookupFailed.getCode()
                    + ")";
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
        return "the API server answered " + code + " to the exec request";
    }

    /** The HTTP status of the refused websocket upgrade or request, 0 when there was none. */
    private static int upgradeStatus(KubernetesClientException e) {
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
