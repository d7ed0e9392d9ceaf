package io.github.sharepid.kube.fabric8.connect;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK client fabric8 built, unchanged for requests; its websocket builder splits a comma-separated
 * subprotocol offer into the JDK's list of preferences and reports the server's choice for a request
 * that carries a ticket (see {@link ChannelHttpClientFactory}).
 */
final class NegotiatingHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final ChannelHttpClientFactory factory;

    NegotiatingHttpClient(HttpClient delegate, ChannelHttpClientFactory factory) {
        this.delegate = delegate;
        this.factory = factory;
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return new NegotiatingBuilder(delegate.newWebSocketBuilder(), factory);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    /** The JDK's websocket builder, taking fabric8's one subprotocol string as a list of preferences. */
    private static final class NegotiatingBuilder implements WebSocket.Builder {
        private final WebSocket.Builder delegate;
        private final ChannelHttpClientFactory factory;
        private String ticket;

        NegotiatingBuilder(WebSocket.Builder delegate, ChannelHttpClientFactory factory) {
            this.delegate = delegate;
            this.factory = factory;
        }

        @Override
        public WebSocket.Builder header(String name, String value) {
            if (ChannelHttpClientFactory.TICKET_HEADER.equalsIgnoreCase(name)) {
                ticket = value;
            } else {
                delegate.header(name, value);
            }
            return this;
        }

        @Override
        public WebSocket.Builder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        /** {@code "v5.channel.k8s.io, v4.channel.k8s.io"}: the first is the most preferred. */
        @Override
        public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
            if (lesserPreferred.length > 0 || mostPreferred.indexOf(',') < 0) {
                delegate.subprotocols(mostPreferred, lesserPreferred);
                return this;
            }
            String[] offer = Arrays.stream(mostPreferred.split(",")).map(String::strip).toArray(String[]::new);
            delegate.subprotocols(offer[0], Arrays.copyOfRange(offer, 1, offer.length));
            return this;
        }

        @Override
        public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
            CompletableFuture<WebSocket> open = delegate.buildAsync(uri, listener);
            if (ticket == null) {
                return open;
            }
            String mine = ticket;
            return open.thenApply(socket -> {
                factory.chosen(mine, socket.getSubprotocol());
                return socket;
            });
        }
    }
}
