package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ServiceAccounts on the real cluster, given a Role on pods, and kubeconfigs that authenticate as them: the
 * admin kubeconfig's server and CA with a user entry of the test's choosing (a token, a token file, an exec
 * plugin). Works on every server the e2e tier runs on: 1.20 and kind's 1.30+.
 */
final class ServiceAccounts {
    private ServiceAccounts() {
    }

    /** ServiceAccount {@code name} in {@code ns}, bound to a Role that grants {@code verbs} (comma-separated) on pods. */
    static void create(String ns, String name, String verbs) {
        ok(Shell.kubectl("-n", ns, "create", "serviceaccount", name));
        ok(Shell.kubectl("-n", ns, "create", "role", name, "--verb=" + verbs, "--resource=pods"));
        ok(Shell.kubectl("-n", ns, "create", "rolebinding", name, "--role=" + name, "--serviceaccount=" + ns + ":" + name));
    }

    /**
     * One more Role for ServiceAccount {@code name}, bound to it: {@code verbs} (comma-separated) on {@code resource}
     * alone, e.g. {@code create} on {@code pods/exec}.
     */
    static void grant(String ns, String name, String verbs, String resource) {
        String role = name + "-" + resource.replace('/', '-') + "-" + verbs.replace(',', '-');
        ok(Shell.kubectl("-n", ns, "create", "role", role, "--verb=" + verbs, "--resource=" + resource));
        ok(Shell.kubectl("-n", ns, "create", "rolebinding", role, "--role=" + role, "--serviceaccount=" + ns + ":" + name));
    }

    /**
     * A token for the account: {@code kubectl create token} (TokenRequest; kubectl 1.24+), else the token
     * Secret that servers before 1.24 create for every ServiceAccount.
     */
    static String token(String ns, String name) {
        Shell.Result requested = Shell.kubectl("-n", ns, "create", "token", name, "--duration=1h");
        if (requested.exitCode() == 0 && !requested.stdout().isBlank()) {
            return requested.stdout().strip();
        }
        for (int i = 0; i < 100; i++) {
            String secret = Shell.kubectl("-n", ns, "get", "serviceaccount", name, "-o",
                    "jsonpath={.secrets[0].name}").stdout().strip();
            if (!secret.isEmpty()) {
                String data = ok(Shell.kubectl("-n", ns, "get", "secret", secret, "-o", "jsonpath={.data.token}"))
                        .stdout().strip();
                if (!data.isEmpty()) {
                    return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
                }
            }
            Cluster.sleep(200);
        }
        throw new AssertionError("no token for serviceaccount " + name + " in " + ns + ": " + requested);
    }

    /** The admin kubeconfig's server and CA, with {@code userLines} (indented under {@code user:}) as the only credential. */
    static String kubeconfig(String ns, String... userLines) {
        String server = view("{.clusters[0].cluster.server}");
        String caData = view("{.clusters[0].cluster.certificate-authority-data}");
        String ca = caData.isEmpty() ? base64(view("{.clusters[0].cluster.certificate-authority}")) : caData;
        List<String> lines = new ArrayList<>(List.of(
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: e2e",
                "  cluster:",
                "    server: " + server,
                "    certificate-authority-data: " + ca,
                "users:",
                "- name: e2e-user",
                "  user:"));
        for (String line : userLines) {
            lines.add("    " + line);
        }
        lines.addAll(List.of(
                "contexts:",
                "- name: e2e",
                "  context: {cluster: e2e, user: e2e-user, namespace: " + ns + "}",
                "current-context: e2e",
                ""));
        return String.join("\n", lines);
    }

    private static String view(String jsonpath) {
        return ok(Shell.kubectl("config", "view", "--raw", "--minify", "-o", "jsonpath=" + jsonpath)).stdout().strip();
    }

    private static String base64(String caFile) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(caFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
