package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.utils.URLUtils;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Opens exec and attach websockets through the fabric8 client's own HTTP client, so kubeconfig auth,
 * exec credential plugins, TLS, proxies and impersonation apply as to every other request. With a
 * {@link ChannelHttpClientFactory} under the client it offers v5 and v4 and learns the server's
 * choice; without one (a client built elsewhere, as in tests) it offers v4 alone. No request is made
 * before the upgrade.
 */
final class ChannelDialer {
    private final KubernetesClient client;
    private final ChannelHttpClientFactory negotiation;

    /** {@code negotiation}: the factory the client was built with, or null to speak v4 only. */
    ChannelDialer(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this.client = client;
        this.negotiation = negotiation;
    }

    /** {@code /exec?command=..&container=C&stdin=true&stdout=true&stderr=true} (stderr merged into stdout with a tty). */
    URI execUri(String namespace, String pod, String container, List<String> argv, boolean stdin, boolean tty) {
        StringBuilder query = new StringBuilder();
        argv.forEach(arg -> query.append("command=").append(encode(arg)).append('&'));
        return podUri(namespace, pod, "exec", query.append(streams(container, stdin, tty)));
    }

    /** {@code /attach?container=C&stdin=true&stdout=true&stderr=true} (or {@code tty=true} instead of stderr). */
    URI attachUri(String namespace, String pod, String container, boolean tty) {
        return podUri(namespace, pod, "attach", new StringBuilder(streams(container, true, tty)));
    }

    private static String streams(String container, boolean stdin, boolean tty) {
        return "container=" + encode(container) + (stdin ? "&stdin=true" : "") + "&stdout=true"
                + (tty ? "&tty=true" : "&stderr=true");
    }

    private URI podUri(String namespace, String pod, String operation, StringBuilder query) {
        String path = URLUtils.join(client.getMasterUrl().toString(), "api", "v1", "namespaces", encode(namespace),
                "pods", encode(pod), operation);
        return URI.create(path + "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Upgrades {@code uri} with {@code listener} and tells it the protocol the server chose.
     *
     * @throws ExecutionException with the upgrade's failure (a refused handshake, a connection error)
     */
    void open(URI uri, ChannelSocket listener) throws ExecutionException, InterruptedException {
        WebSocket.Builder builder = client.getHttpClient().newWebSocketBuilder().uri(uri);
        Duration timeout = FlagOverrides.requestTimeout(client.getConfiguration());
        if (timeout != null) {
            builder.connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        String ticket = negotiation == null ? null : negotiation.newTicket();
        if (ticket == null) {
            builder.subprotocol(StreamProtocol.V4.subprotocol());
        } else {
            builder.header(ChannelHttpClientFactory.TICKET_HEADER, ticket).subprotocol(StreamProtocol.OFFER);
        }
        CompletableFuture<WebSocket> upgrade = builder.buildAsync(listener);
        try {
            WebSocket socket = upgrade.get();
            String chosen = ticket == null ? StreamProtocol.V4.subprotocol() : negotiation.expect(ticket).getNow("");
            listener.opened(socket, StreamProtocol.chosen(chosen));
        } catch (InterruptedException e) {
            upgrade.thenAccept(late -> late.sendClose(1000, "interrupted"));
            throw e;
        } finally {
            if (ticket != null) {
                negotiation.forget(ticket);
            }
        }
    }
}
