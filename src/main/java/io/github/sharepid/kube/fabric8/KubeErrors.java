package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.failure.SharepidException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one translator of failed API requests into a user's line, at the two moments that know something:
 * {@link #translate} at the end (the error handler: the server URL for connection, TLS and timeout failures,
 * the Status for 401, 403, 404, 409, 422) and, where the request is made, {@link #call} and the messages built
 * from the facts the call site has (the refused verb, resource and namespace and the user when a 403 does not
 * name them; the pod that is missing or already exists; an admission refusal of the dry run). An exec or attach
 * whose upgrade fails is {@link ExecErrors}' job: it must read the pod again to say why, and hands 403s here.
 */
public final class KubeErrors {
    private static final Pattern URL = Pattern.compile("(https?://[^/\\s]+)");

    private KubeErrors() {
    }

    /** The user-facing form of {@code ex}, or {@code null} when it is not a cluster condition. */
    public static SharepidException translate(Throwable ex) {
        return translate(ex, null);
    }

    /**
     * As {@link #translate(Throwable)}; {@code serverUrl} (the client's API server, null if unknown) names
     * the server when the exception does not: the JDK's connect and timeout exceptions carry no URL.
     */
    public static SharepidException translate(Throwable ex, String serverUrl) {
        String server = serverIn(ex, serverUrl);
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return failure("cannot connect to the API server " + server + ": " + reason(t, "connection refused"), ex);
            }
            if (t instanceof UnknownHostException) {
                return failure("cannot resolve the API server's host " + server + ": " + reason(t, "unknown host"), ex);
            }
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return failure("TLS failure talking to the API server " + server + ": " + reason(t, "handshake failed"), ex);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return failure("the API server " + server + " did not answer in time (see --request-timeout)", ex);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return fromStatus(k, server);
            }
        }
        return null;
    }

    private static SharepidException fromStatus(KubernetesClientException k, String server) {
        Status status = k.getStatus();
        String message = status != null && status.getMessage() != null && !status.getMessage().isBlank()
                ? status.getMessage() : k.getMessage();
        return switch (k.getCode()) {
            case 401 -> failure("unauthorized: the API server " + server
                    + " did not accept this context's credentials (401)", k);
            case 403 -> failure("forbidden: " + message, k);
            case 404 -> failure("not found: " + message, k);
            case 409 -> failure("conflict: " + message, k);
            case 422 -> new SharepidException(SharepidException.USAGE, "invalid: " + message, k);
            default -> failure("the API server answered " + k.getCode() + ": " + message, k);
        };
    }

    private static SharepidException failure(String message, Throwable cause) {
        return new SharepidException(SharepidException.FAILURE, message, cause);
    }

    private static String reason(Throwable t, String fallback) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }

    private static String serverIn(Throwable ex, String serverUrl) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = URL.matcher(t.getMessage());
                if (m.find()) {
                    return "at " + m.group(1);
                }
            }
        }
        if (serverUrl != null) {
            Matcher m = URL.matcher(serverUrl);
            if (m.find()) {
                return "at " + m.group(1);
            }
        }
        return "(see your kubeconfig)";
    }

    /**
     * What to throw for {@code e} from {@code verb} on {@code resource} in {@code namespace} (null: all
     * namespaces): a 403 whose server message does not name the refused verb gets one that does; anything
     * else is {@code e} itself, left for {@link #translate}.
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
