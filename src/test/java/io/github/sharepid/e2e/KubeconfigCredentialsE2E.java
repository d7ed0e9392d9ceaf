package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubeconfig credentials CI systems and managed clusters write, with a real ServiceAccount token: a user
 * with {@code tokenFile} (relative to the kubeconfig) and a user with an exec credential plugin (a script
 * printing an ExecCredential). The account may get and list pods, nothing else, so {@code list} working
 * shows a credential was sent, and {@code debug} refused with the account's name shows whose.
 */
@Tag("e2e")
class KubeconfigCredentialsE2E {
    private static final String ACCOUNT = "lister";
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("creds", c -> cluster = c).withDocsPod();
    private static Path dir;

    @BeforeAll
    static void accountAndKubeconfigs() throws IOException {
        ServiceAccounts.create(cluster.ns, ACCOUNT, "get,list");
        dir = Files.createTempDirectory("sharepid-creds");
        Files.writeString(dir.resolve("sa-token"), ServiceAccounts.token(cluster.ns, ACCOUNT) + "\n");
        Files.writeString(dir.resolve("token-file.kubeconfig"),
                ServiceAccounts.kubeconfig(cluster.ns, "tokenFile: sa-token"));
        Path plugin = dir.resolve("credential-plugin");
        Files.writeString(plugin, """
                #!/bin/sh
                # an exec credential plugin as EKS, GKE and AKS install them, here printing the account's token
                printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s"}}\\n' \\
                  "$(cat "$(dirname "$0")/sa-token")"
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("exec-plugin.kubeconfig"), ServiceAccounts.kubeconfig(cluster.ns, "exec:",
                "  apiVersion: client.authentication.k8s.io/v1beta1", "  command: " + plugin));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"token-file.kubeconfig", "exec-plugin.kubeconfig"})
    @DisplayName("kubectl sharepid authenticates as the ServiceAccount, as kubectl does with the same kubeconfig")
    void kubeconfigCredential_isTheServiceAccount(String kubeconfig) {
        String path = dir.resolve(kubeconfig).toString();
        ok(Shell.kubectl("--kubeconfig", path, "get", "pods"));

        Shell.Result list = Shell.sharepid("list", "--kubeconfig", path);
        Shell.Result debug = Shell.sharepid("debug", "nginx", "--attach=false", "--kubeconfig", path);

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stderr()).as(list.toString()).isEqualTo("no debug copies in namespace " + cluster.ns + "\n");
        assertThat(debug.exitCode()).as(debug.toString()).isEqualTo(1);
        assertThat(debug.stderr().lines().toList()).as(debug.toString()).singleElement().asString()
                .startsWith("error: forbidden: ").contains("system:serviceaccount:" + cluster.ns + ":" + ACCOUNT)
                .contains("cannot create");
        assertThat(cluster.pods().at("/items").size()).as("nothing was created").isEqualTo(1);
    }
}
