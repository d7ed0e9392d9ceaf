package io.github.sharepid.cli;

import io.github.sharepid.kube.ConnectionOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * kubectl's connection flags, accepted before or after the subcommand like kubectl does
 * ({@code kubectl sharepid -n web ps POD} and {@code kubectl sharepid ps POD -n web}).
 */
public class KubeFlags {
    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, several files joined by ':', else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The kubeconfig context to use.")
    String context;

    @Option(names = "--cluster", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The kubeconfig cluster to use.")
    String cluster;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The kubeconfig user to use.")
    String user;

    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NAMESPACE",
            description = "Namespace (default: the context's, else default).")
    String namespace;

    @Option(names = {"-s", "--server"}, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The address and port of the Kubernetes API server.")
    String server;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Bearer token for authentication to the API server.")
    String token;

    @Option(names = "--as", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Username to impersonate for the operation.")
    String as;

    @Option(names = "--as-group", scope = ScopeType.INHERIT, paramLabel = "GROUP",
            description = "Group to impersonate; repeat for several groups.")
    List<String> asGroups = new ArrayList<>();

    @Option(names = "--as-uid", scope = ScopeType.INHERIT, paramLabel = "UID",
            description = "UID to impersonate for the operation.")
    String asUid;

    @Option(names = "--certificate-authority", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Path to a CA certificate file.")
    String certificateAuthority;

    @Option(names = "--client-certificate", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Path to a client certificate file for TLS.")
    String clientCertificate;

    @Option(names = "--client-key", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Path to a client key file for TLS.")
    String clientKey;

    @Option(names = "--insecure-skip-tls-verify", scope = ScopeType.INHERIT,
            description = "Do not check the server's certificate (insecure).")
    boolean insecureSkipTlsVerify;

    @Option(names = "--tls-server-name", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Server name to send (SNI) and to verify the server certificate against; the server"
                    + " URL's host must then be an IP address.")
    String tlsServerName;

    @Option(names = "--request-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long to wait for one API request, e.g. 10s, 1m (default: no limit; 0 = no limit).")
    String requestTimeout;

    public ConnectionOptions toOptions() {
        return new ConnectionOptions(kubeconfig, context, cluster, user, namespace, server, token, as,
                asGroups, asUid, certificateAuthority, clientCertificate, clientKey, insecureSkipTlsVerify,
                tlsServerName, requestTimeout);
    }
}
