package io.github.sharepid.kube;

import java.util.List;

/**
 * The kubectl connection flags as given on the command line; {@code null} means "not given".
 * Plain data so that commands need no fabric8 types until they connect.
 */
public record ConnectionOptions(
        String kubeconfig,
        String context,
        String cluster,
        String user,
        String namespace,
        String server,
        String token,
        String as,
        List<String> asGroups,
        String asUid,
        String certificateAuthority,
        String clientCertificate,
        String clientKey,
        boolean insecureSkipTlsVerify,
        String tlsServerName,
        String requestTimeout) {

    public ConnectionOptions {
        asGroups = asGroups == null ? List.of() : List.copyOf(asGroups);
    }
}
