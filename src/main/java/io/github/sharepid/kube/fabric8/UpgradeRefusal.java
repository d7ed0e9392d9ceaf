package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.failure.SharepidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 403 to an exec or attach upgrade, in the words of the Status the API server sent with it: the JDK keeps
 * the refused handshake's body ({@link java.net.http.WebSocketHandshakeException#getResponse()}), and the
 * server's message names the verb and resource it refused, so nothing is guessed. A websocket upgrade is an
 * HTTP GET, which the server authorizes as {@code get} on {@code pods/exec} or {@code pods/attach} (from
 * Kubernetes 1.35 also as {@code create}); a role with {@code create} alone, the usual one for SPDY's POST,
 * is refused, and the line says what to grant.
 */
final class UpgradeRefusal {
    private static final Pattern SUBRESOURCE = Pattern.compile("cannot (\\S+) resource \"(pods/(?:exec|attach))\"");

    private UpgradeRefusal() {
    }

    /** The one line for a 403 to {@code operation} (e.g. {@code exec in pod/container}); {@code cause} the failure. */
    static SharepidException of(Throwable cause, String operation, KubernetesSerialization json) {
        String said = serverMessage(cause, json);
        if (said == null) {
            return new SharepidException(SharepidException.FAILURE, "forbidden: the API server refused to "
                    + operation + " (HTTP 403 without a reason); a websocket exec or attach needs get and create on"
                    + " pods/exec or pods/attach", cause);
        }
        return new SharepidException(SharepidException.FAILURE, "forbidden: " + said + advice(said), cause);
    }

    /** What to grant when the server refused a verb on pods/exec or pods/attach; empty otherwise. */
    static String advice(String said) {
        Matcher m = SUBRESOURCE.matcher(said);
        if (!m.find()) {
            return "";
        }
        String grant = "; grant get and create on pods/exec and pods/attach: a websocket " + m.group(2).substring(5)
                + " is an HTTP GET, authorized as get (from Kubernetes 1.35 also as create)";
        return "get".equals(m.group(1)) ? grant + "; kubectl may work with create alone because against servers"
                + " before 1.30 it falls back to SPDY, a POST, authorized as create" : grant;
    }

    /** The message of the Status in the refused handshake's body, or null when there is none. */
    private static String serverMessage(Throwable cause, KubernetesSerialization json) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.WebSocketHandshakeException h && h.getResponse() != null
                    && h.getResponse().body() instanceof String body && body.strip().startsWith("{")) {
                try {
                    Status status = json.unmarshal(body, Status.class);
                    String message = status == null ? null : status.getMessage();
                    return message == null || message.isBlank() ? null : message.strip();
                } catch (RuntimeException notAStatus) {
                    return null;
                }
            }
        }
        return null;
    }
}
