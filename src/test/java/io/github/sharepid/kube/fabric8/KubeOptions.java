package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.ConnectionOptions;
import java.util.ArrayList;
import java.util.List;

/** Test builder for {@link ConnectionOptions}: only the flags a test names are set. */
public final class KubeOptions {
    private String kubeconfig;
    private String context;
    private String cluster;
    private String user;
    private String namespace;
    private String server;
    private String token;
    private String as;
    private final List<String> asGroups = new ArrayList<>();
    private String asUid;
    private String certificateAuthority;
    private String clientCertificate;
    private String clientKey;
    private boolean insecure;
    private String tlsServerName;
    private String requestTimeout;

    public static KubeOptions defaults() {
        return new KubeOptions();
    }

    public KubeOptions kubeconfig(String v) {
        kubeconfig = v;
        return this;
    }

    public KubeOptions context(String v) {
        context = v;
        return this;
    }

    public KubeOptions cluster(String v) {
        cluster = v;
        return this;
    }

    public KubeOptions user(String v) {
        user = v;
        return this;
    }

    public KubeOptions namespace(String v) {
        namespace = v;
        return this;
    }

    public KubeOptions server(String v) {
        server = v;
        return this;
    }

    public KubeOptions token(String v) {
        token = v;
        return this;
    }

    public KubeOptions as(String user, String... groups) {
        as = user;
        asGroups.addAll(List.of(groups));
        return this;
    }

    public KubeOptions asGroup(String group) {
        asGroups.add(group);
        return this;
    }

    public KubeOptions asUid(String v) {
        asUid = v;
        return this;
    }

    public KubeOptions certificateAuthority(String v) {
        certificateAuthority = v;
        return this;
    }

    public KubeOptions clientCertificate(String cert, String key) {
        clientCertificate = cert;
        clientKey = key;
        return this;
    }

    public KubeOptions insecure() {
        insecure = true;
        return this;
    }

    public KubeOptions tlsServerName(String v) {
        tlsServerName = v;
        return this;
    }

    public KubeOptions requestTimeout(String v) {
        requestTimeout = v;
        return this;
    }

    public ConnectionOptions build() {
        return new ConnectionOptions(kubeconfig, context, cluster, user, namespace, server, token, as, asGroups,
                asUid, certificateAuthority, clientCertificate, clientKey, insecure, tlsServerName, requestTimeout);
    }
}
