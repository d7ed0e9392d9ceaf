package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpClient.Version;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * fabric8's JDK HTTP client with the one thing its websocket API lacks: offering more than one
 * subprotocol and learning which one the server chose. fabric8 7.8 hands a websocket's single
 * subprotocol string to the JDK builder and keeps the JDK socket (and with it the server's choice) to
 * itself, and the JDK refuses a hand-made {@code Sec-WebSocket-Protocol} header. Here that string may
 * be a comma-separated list, as the header carries it, and a request with a {@link #TICKET_HEADER}
 * learns the choice through {@link #expect}. Everything else (TLS, proxies, the auth and impersonation
 * interceptors, token refresh, timeouts) stays fabric8's: only the JDK client underneath is wrapped.
 * Not final: a factory that also needs {@code additionalConfig} (TLS parameters) extends this one, since
 * a client has one factory.
 */
public class ChannelHttpClientFactory extends JdkHttpClientFactory {
    /** A private request header naming the ticket; it is removed before the request leaves. */
    public static final String TICKET_HEADER = "X-Sharepid-Ticket";

    private final AtomicLong tickets = new AtomicLong();
    private final Map<String, CompletableFuture<String>> choices = new ConcurrentHashMap<>();
    private KeyManager[] clientCertificate;

    /**
     * TLS offers {@code keyManagers} ({@link ClientCertificate#takeFrom}, which leaves fabric8 no key of its own to
     * put in a keystore) with fabric8's trust managers; null for none.
     */
    public void useClientCertificate(KeyManager[] keyManagers) {
        this.clientCertificate = keyManagers == null ? null : keyManagers.clone();
    }

    /**
     * fabric8's builder for {@code config}, as its {@code Factory.newBuilder(Config)} makes it, with the client
     * certificate's key managers when there are some.
     */
    @Override
    public io.fabric8.kubernetes.client.http.HttpClient.Builder newBuilder(Config config) {
        io.fabric8.kubernetes.client.http.HttpClient.Builder builder = newBuilder();
        HttpClientUtils.applyCommonConfiguration(config, builder, this);
        if (clientCertificate != null) {
            builder.sslContext(clientCertificate, ((StandardHttpClientBuilder<?, ?, ?>) builder).getTrustManagers());
        }
        return builder;
    }

    @Override
    protected final HttpClient.Builder createNewHttpClientBuilder() {
        return new Builder(super.createNewHttpClientBuilder(), this);
    }

    /** A new ticket for one websocket request; {@link #expect} tells the server's choice for it. */
    public String newTicket() {
        String ticket = Long.toString(tickets.incrementAndGet());
        choices.put(ticket, new CompletableFuture<>());
        return ticket;
    }

    /**
     * Completes with the subprotocol the server chose for the request carrying {@code ticket} ("" when
     * it chose none) once the upgrade succeeded, before fabric8's own future completes.
     */
    public CompletableFuture<String> expect(String ticket) {
        return choices.getOrDefault(ticket, CompletableFuture.failedFuture(
                new IllegalStateException("unknown websocket ticket " + ticket)));
    }

    /** Drops the ticket once its socket is open or its upgrade has failed. */
    public void forget(String ticket) {
        choices.remove(ticket);
    }

    void chosen(String ticket, String subprotocol) {
        CompletableFuture<String> choice = choices.get(ticket);
        if (choice != null) {
            choice.complete(subprotocol == null ? "" : subprotocol);
        }
    }

    /** Builds fabric8's JDK client as usual and wraps it so that its websockets negotiate. */
    private static final class Builder implements HttpClient.Builder {
        private final HttpClient.Builder delegate;
        private final ChannelHttpClientFactory factory;

        Builder(HttpClient.Builder delegate, ChannelHttpClientFactory factory) {
            this.delegate = delegate;
            this.factory = factory;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(java.net.Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new NegotiatingHttpClient(delegate.build(), factory);
        }
    }
}
