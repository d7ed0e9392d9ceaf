package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pod Security admission itself, not only our reading of its label: a namespace that enforces
 * {@code restricted} after the docs pod is in it. The restricted profile passes our own check (its debug
 * container is restricted), but the copy keeps the docs pod's root nginx and its SYS_PTRACE shell, which the
 * server's admission refuses: the server-side dry run must report that refusal before anything is created.
 */
@Tag("e2e")
@RequiresServer(minor = 23, why = "Pod Security admission is on by default from 1.23; older servers only carry"
        + " the namespace label, which kubectl-sharepid's own check honours")
class PodSecurityAdmissionE2E {
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("psa", c -> cluster = c).withDocsPod();

    @BeforeAll
    static void restrictedNamespaceWithTheDocsPod() {
        ok(Shell.kubectl("label", "namespace", cluster.ns, "pod-security.kubernetes.io/enforce=restricted"));
    }

    @Test
    @DisplayName("restricted namespace, restricted profile, copied containers not restricted: the dry run's one line, exit 1")
    void admissionRefusesTheCopiedContainers_reportedByTheDryRun() {
        Shell.Result r = Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--profile", "restricted", "--attach=false");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).as(r.toString()).isEmpty();
        assertThat(r.stderr().lines().toList()).as(r.toString()).singleElement().asString()
                .startsWith("error: the API server would reject the copy ")
                .contains("(server-side dry run; nothing was created)")
                .contains("violates PodSecurity \"restricted");
        assertThat(podNames()).containsExactly("nginx");
    }

    private static List<String> podNames() {
        return StreamSupport.stream(cluster.pods().at("/items").spliterator(), false)
                .map(p -> p.at("/metadata/name").asText()).toList();
    }
}
