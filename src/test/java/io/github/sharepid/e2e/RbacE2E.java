package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command run as a ServiceAccount that may only {@code get} pods: one stderr line that names the
 * refused verb and resource as the server said them (an exec is a websocket GET: {@code get} on pods/exec), exit 1, nothing on stdout, and the namespace's pods exactly as before.
 */
@Tag("e2e")
class RbacE2E {
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("rbac", c -> cluster = c).withDocsPod();
    private static String copy;
    private static Path kubeconfig;

    @BeforeAll
    static void readOnlyServiceAccount() throws IOException {
        copy = ok(Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--attach=false", "-q")).stdout().strip();
        ServiceAccounts.create(cluster.ns, "reader", "get");
        kubeconfig = Files.createTempFile("sharepid-rbac-", ".kubeconfig");
        Files.writeString(kubeconfig, ServiceAccounts.kubeconfig(cluster.ns,
                "token: " + ServiceAccounts.token(cluster.ns, "reader")));
    }

    @AfterAll
    static void removeNamespace() throws IOException {
        if (kubeconfig != null) {
            Files.deleteIfExists(kubeconfig);
        }
    }

    @ParameterizedTest(name = "{0} -> cannot {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            debug nginx --attach=false            | create | pods
            debug nginx --rm                      | create | pods
            debug nginx --profile restricted      | create | pods
            ps COPY                               | get    | pods/exec
            ps COPY -o json                       | get    | pods/exec
            signal COPY 8 -s HUP                  | get    | pods/exec
            signal COPY -c nginx --match master   | get    | pods/exec
            peek-root COPY 8 /etc/nginx           | get    | pods/exec
            peek-root COPY -c nginx /etc/hostname | get    | pods/exec
            list                                  | list   | pods
            list -A                               | list   | pods
            cleanup COPY                          | delete | pods
            cleanup --all                         | list   | pods
            cleanup --all -A --dry-run            | list   | pods
            """)
    @DisplayName("a ServiceAccount that may only get pods: one line naming verb and resource, exit 1, nothing left behind")
    void everyCommand_namesTheRefusedVerbAndResource(String command, String verb, String resource) {
        List<String> before = podNames();
        List<String> args = new ArrayList<>(List.of(command.replace("COPY", copy).split(" ")));
        args.addAll(List.of("--kubeconfig", kubeconfig.toString(), "-n", cluster.ns));

        Shell.Result r = Shell.sharepid(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).as(r.toString()).isEmpty();
        assertThat(r.stderr().lines().toList()).as(r.toString()).singleElement().asString()
                .startsWith("error: forbidden: ")
                .containsPattern("cannot " + verb + " (resource \")?" + Pattern.quote(resource) + "\"?( |$)");
        assertThat(podNames()).isEqualTo(before).contains("nginx", copy);
    }

    private static List<String> podNames() {
        return StreamSupport.stream(cluster.pods().at("/items").spliterator(), false)
                .map(p -> p.at("/metadata/name").asText()).sorted().toList();
    }
}
