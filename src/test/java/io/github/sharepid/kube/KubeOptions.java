package io.github.sharepid.kube;

import java.util.ArrayList;
import java.util.List;

/** Test builder for {@link ConnectionOptions}: only the flags a test names are set. */
final class KubeOptions {
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

    static KubeOptions defaults() {
        return new KubeOptions();
    }

    KubeOptions kubeconfig(String v) {
        kubeconfig = v;
        return this;
    }

    KubeOptions context(String v) {
        context = v;
        return this;
    }

    KubeOptions cluster(String v) {
        cluster = v;
        return this;
    }

    KubeOptions user(String v) {
        user = v;
        return this;
    }

    KubeOptions namespace(String v) {
        namespace = v;
        return this;
    }

    KubeOptions server(String v) {
        server = v;
        return this;
    }

    KubeOptions token(String v) {
        token = v;
        return this;
    }

    KubeOptions as(String user, String... groups) {
        as = user;
        asGroups.addAll(List.of(groups));
        return this;
    }

    KubeOptions asGroup(String group) {
        asGroups.add(group);
        return this;
    }

    KubeOptions asUid(String v) {
        asUid = v;
        return this;
    }

    KubeOptions certificateAuthority(String v) {
        certificateAuthority = v;
        return this;
    }

    KubeOptions clientCertificate(String cert, String key) {
        clientCertificate = cert;
        clientKey = key;
        return this;
    }

    KubeOptions insecure() {
        insecure = true;
        return this;
    }

    KubeOptions tlsServerName(String v) {
        tlsServerName = v;
        return this;
    }

    KubeOptions requestTimeout(String v) {
        requestTimeout = v;
        return this;
    }

    ConnectionOptions build() {
        return new ConnectionOptions(kubeconfig, context, cluster, user, namespace, server, token, as, asGroups,
                asUid, certificateAuthority, clientCertificate, clientKey, insecure, tlsServerName, requestTimeout);
    }
}
