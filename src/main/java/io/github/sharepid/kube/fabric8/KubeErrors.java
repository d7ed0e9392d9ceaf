package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.failure.SharepidException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what fabric8 and the JDK throw into one user-facing line: the refused verb and resource for
 * 401/403, the object for 404/409, the server URL for connection and TLS failures.
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
}
