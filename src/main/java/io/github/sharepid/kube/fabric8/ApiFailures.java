package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.failure.SharepidException;
import java.util.function.Supplier;

/**
 * Messages for API refusals that fabric8 reports without the facts a user needs: a 403 whose body does
 * not say which verb on which resource was refused, a pod that is not there. Everything else is left to
 * {@link KubeErrors}.
 */
final class ApiFailures {
    private ApiFailures() {
    }

    /**
     * What to throw for {@code e} from {@code verb} on {@code resource} in {@code namespace} (null: all
     * namespaces): a 403 whose
     * server message does not name the refused verb gets one that does; anything else is {@code e} itself.
     */
    static RuntimeException refused(KubernetesClientException e, String verb, String resource, String namespace,
                                    Config config) {
        if (e.getCode() != 403 || serverSaysWhat(e)) {
            return e;
        }
        String who = identity(config);
        String scope = namespace == null ? " at the cluster scope" : " in namespace \"" + namespace + "\"";
        return new SharepidException(SharepidException.FAILURE, "forbidden: cannot " + verb + " " + resource
                + scope + (who == null ? "" : " (as " + who + ")"), e);
    }

    /**
     * An admission or validation refusal of a dry-run create: the server's own reason (Pod Security,
     * a webhook, a policy) in one line, and that nothing was created.
     */
    static SharepidException wouldReject(KubernetesClientException e, String name, String namespace) {
        String reason = serverMessage(e);
        return new SharepidException(SharepidException.FAILURE, "the API server would reject the copy " + name
                + " in namespace \"" + namespace + "\" (server-side dry run; nothing was created): "
                + (reason == null ? "HTTP " + e.getCode() : reason), e);
    }

    /**
     * A refusal by an admission plugin or webhook (Pod Security, a policy engine): 400, or a 403 that is
     * not RBAC's "User x cannot ...". RBAC refusals, invalid specs (422, a usage error) and server errors
     * keep their usual messages.
     */
    static boolean isAdmissionRefusal(KubernetesClientException e) {
        String message = serverMessage(e);
        return e.getCode() == 400 || e.getCode() == 403 && message != null && !message.contains(" cannot ");
    }

    /** A create refused with 409: the copy's name is taken. */
    static SharepidException alreadyExists(String namespace, String name, KubernetesClientException e) {
        return new SharepidException(SharepidException.FAILURE, "pod \"" + name + "\" already exists in"
                + " namespace \"" + namespace + "\" (choose another --copy-to)", e);
    }

    /** The server stored the copy without spec.shareProcessNamespace; {@code cleanup} says what became of it. */
    static SharepidException droppedShareProcessNamespace(String cleanup) {
        return SharepidException.failure("the API server dropped spec.shareProcessNamespace (feature gate"
                + " PodShareProcessNamespace off, Kubernetes < 1.12?); " + cleanup);
    }

    /** Runs {@code request}; a refusal says which verb on which resource was refused (see {@link #refused}). */
    static <T> T call(KubernetesClient client, String verb, String resource, String namespace, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw refused(e, verb, resource, namespace, client.getConfiguration());
        }
    }

    static SharepidException podNotFound(String namespace, String name) {
        return SharepidException.failure("pod \"" + name + "\" not found in namespace \"" + namespace + "\"");
    }

    /**
     * The server's message names what was refused: RBAC's "User x cannot create resource pods", or an
     * admission plugin's "pods "x" is forbidden: violates PodSecurity ...", which must not be replaced by
     * a guess about the verb.
     */
    private static boolean serverSaysWhat(KubernetesClientException e) {
        String message = serverMessage(e);
        return message != null && (message.contains(" cannot ") || message.contains(" is forbidden: "));
    }

    private static String serverMessage(KubernetesClientException e) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        return message == null || message.isBlank() ? null : message.strip();
    }

    /** The impersonated user, else the kubeconfig user entry the request was made with, else null. */
    private static String identity(Config config) {
        if (config.getImpersonateUsername() != null) {
            return config.getImpersonateUsername();
        }
        NamedContext context = config.getCurrentContext();
        String user = context == null || context.getContext() == null ? null : context.getContext().getUser();
        return user == null ? null : "kubeconfig user \"" + user + "\"";
    }
}
