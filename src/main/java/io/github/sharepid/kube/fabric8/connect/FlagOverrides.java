package io.github.sharepid.kube.fabric8.connect;

import io.github.sharepid.kube.ConnectionOptions;
import io.fabric8.kubernetes.client.Config;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Lays the kubectl connection flags over the Config chosen from kubeconfig, with kubectl's precedence
 * rules (e.g. {@code --certificate-authority} or {@code --insecure-skip-tls-verify} replace the
 * kubeconfig's CA and skip setting together). Bad flag values are usage errors.
 */
public final class FlagOverrides {
    /** fabric8 reads a request timeout of 0 as "fail at once" for exec, so "no limit" is the largest value. */
    static final int NO_REQUEST_TIMEOUT_MS = Integer.MAX_VALUE;
    /**
     * kubectl's dial timeout. fabric8's default (10 s) covers connect and TLS handshake, which a busy
     * machine (20 invocations at once on 2 cores) can exceed; --request-timeout, when shorter, bounds it.
     */
    static final int CONNECT_TIMEOUT_MS = 30_000;
    static final String IMPERSONATE_UID_HEADER = "Impersonate-Uid";

    private FlagOverrides() {
    }

    /** Rejects flag values that can never work, before any file is read. */
    public static void validate(ConnectionOptions o) {
        if (o.tlsServerName() != null && !ServerNameHttpClientFactory.isValidName(o.tlsServerName())) {
            throw SharepidException.usage("--tls-server-name \"" + o.tlsServerName() + "\" is not a host name");
        }
        if (o.as() == null && (!o.asGroups().isEmpty() || o.asUid() != null)) {
            throw SharepidException.usage("--as-group and --as-uid need --as (the user to impersonate)");
        }
        requestTimeoutMillis(o);
        for (String[] file : new String[][] {{"--certificate-authority", o.certificateAuthority()},
                {"--client-certificate", o.clientCertificate()}, {"--client-key", o.clientKey()}}) {
            if (file[1] != null && !Files.isReadable(Path.of(file[1]))) {
                throw SharepidException.usage("cannot read " + file[0] + " " + file[1]);
            }
        }
    }

    /** Applies the flags to {@code config}; {@code env} supplies proxy variables the kubeconfig did not set. */
    public static void apply(ConnectionOptions o, Config config, UnaryOperator<String> env) {
        applyCluster(o, config);
        applyUser(o, config);
        if (o.namespace() != null) {
            config.setNamespace(o.namespace());
        } else if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        config.setRequestTimeout(requestTimeoutMillis(o));
        config.setConnectionTimeout(Math.min(CONNECT_TIMEOUT_MS, requestTimeoutMillis(o)));
        // one attempt per request, as kubectl: a retried POST could create twice, and a refused
        // connection should fail now rather than after ~20 s of back-off
        config.setRequestRetryBackoffLimit(0);
        // HTTP/1.1, not HTTP/2: a one-second process gains nothing from h2 (measured: ps and debug as fast, with
        // both archived; bench/README.md, "HTTP/1.1"), exec/attach/watch websockets are HTTP/1.1 anyway, and the
        // launcher's training run can then put the whole HTTP path into the class-data archive
        config.setHttp2Disable(Boolean.TRUE);
        // watches as kubectl makes them, a streamed GET, not a websocket: the GET reuses the kept-alive connection
        // of the request before it (debug's create), where a websocket always opens a new one with its own TLS
        // handshake (debug --attach=false: -13 % wall, -14 % CPU; bench/README.md, "HTTP watches")
        config.setOnlyHttpWatches(true);
        applyProxyEnv(config, env);
    }

    /** The configured request timeout, or {@code null} when requests may take as long as they need. */
    public static Duration requestTimeout(Config config) {
        Integer ms = config.getRequestTimeout();
        return ms == null || ms <= 0 || ms == NO_REQUEST_TIMEOUT_MS ? null : Duration.ofMillis(ms);
    }

    private static void applyCluster(ConnectionOptions o, Config config) {
        if (o.server() != null || o.tlsServerName() != null) {
            // kubectl: --server drops the kubeconfig's tls-server-name unless --tls-server-name is given too
            config.setTlsServerName(o.tlsServerName());
        }
        if (o.server() != null) {
            config.setMasterUrl(o.server());
        }
        if (o.insecureSkipTlsVerify() || o.certificateAuthority() != null) {
            config.setTrustCerts(o.insecureSkipTlsVerify());
            config.setDisableHostnameVerification(o.insecureSkipTlsVerify());
            config.setCaCertFile(absolute(o.certificateAuthority()));
            config.setCaCertData(null);
        }
        String name = config.getTlsServerName();
        if (name != null && !name.isBlank() && !ServerNameHttpClientFactory.honours(config.getMasterUrl(), name)) {
            throw SharepidException.usage((o.tlsServerName() != null ? "--tls-server-name" : "the kubeconfig's"
                    + " tls-server-name \"" + name + "\"") + " needs a server URL whose host is an IP address (Java's"
                    + " HTTP client sends and verifies the URL's host name instead); the server is " + config.getMasterUrl());
        }
    }

    private static void applyUser(ConnectionOptions o, Config config) {
        if (o.token() != null) {
            config.setOauthToken(o.token());
        }
        if (o.clientCertificate() != null) {
            config.setClientCertFile(absolute(o.clientCertificate()));
            config.setClientCertData(null);
        }
        if (o.clientKey() != null) {
            config.setClientKeyFile(absolute(o.clientKey()));
            config.setClientKeyData(null);
            config.setClientKeyAlgo(Config.getKeyAlgorithm(config.getClientKeyFile(), null));
        }
        if (o.as() != null) {
            config.setImpersonateUsername(o.as());
            config.setImpersonateGroups(o.asGroups().toArray(String[]::new));
        }
        if (o.asUid() != null) {
            Map<String, String> headers = new HashMap<>(config.getCustomHeaders() == null ? Map.of()
                    : config.getCustomHeaders());
            headers.put(IMPERSONATE_UID_HEADER, o.asUid());
            config.setCustomHeaders(headers);
        }
    }

    private static int requestTimeoutMillis(ConnectionOptions o) {
        if (o.requestTimeout() == null) {
            return NO_REQUEST_TIMEOUT_MS;
        }
        Duration d = Durations.parse(o.requestTimeout(), "--request-timeout");
        if (d.isZero()) {
            return NO_REQUEST_TIMEOUT_MS;
        }
        return (int) Math.min(NO_REQUEST_TIMEOUT_MS - 1L, Math.max(1L, d.toMillis()));
    }

    private static void applyProxyEnv(Config config, UnaryOperator<String> env) {
        if (config.getHttpProxy() != null || config.getHttpsProxy() != null) {
            return;
        }
        config.setHttpsProxy(firstSet(env, "HTTPS_PROXY", "https_proxy"));
        config.setHttpProxy(firstSet(env, "HTTP_PROXY", "http_proxy"));
        String noProxy = firstSet(env, "NO_PROXY", "no_proxy");
        config.setNoProxy(noProxy == null ? null : noProxy.split("\\s*,\\s*"));
    }

    private static String firstSet(UnaryOperator<String> env, String... names) {
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String absolute(String path) {
        return path == null ? null : Path.of(path).toAbsolutePath().toString();
    }
}
