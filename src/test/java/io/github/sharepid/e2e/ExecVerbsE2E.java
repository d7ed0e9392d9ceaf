package io.github.sharepid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verbs a websocket exec needs: it is an HTTP GET, so the API server authorizes it as {@code get} on
 * {@code pods/exec} (from 1.35 also as {@code create}). Two ServiceAccounts with {@code get} on pods and one verb
 * each on {@code pods/exec}; the refusal is the server's own line plus what to grant.
 */
@Tag("e2e")
class ExecVerbsE2E {
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("execverbs", c -> cluster = c).withDocsPod();
    private static Path createOnly;
    private static Path getOnly;

    @BeforeAll
    static void serviceAccounts() throws IOException {
        createOnly = account("exec-create", "create");
        getOnly = account("exec-get", "get");
    }

    private static Path account(String name, String execVerb) throws IOException {
        ServiceAccounts.create(cluster.ns, name, "get");
        ServiceAccounts.grant(cluster.ns, name, execVerb, "pods/exec");
        Path kubeconfig = Files.createTempFile("sharepid-" + name + "-", ".kubeconfig");
        Files.writeString(kubeconfig, ServiceAccounts.kubeconfig(cluster.ns,
                "token: " + ServiceAccounts.token(cluster.ns, name)));
        return kubeconfig;
    }

    @AfterAll
    static void removeKubeconfigs() throws IOException {
        for (Path p : new Path[] {createOnly, getOnly}) {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @DisplayName("create alone on pods/exec: the server's refusal of get, and what to grant, in one line")
    void createOnly_refusedGet_saysWhatToGrant() {
        Shell.Result r = ps(createOnly);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("error: forbidden: pods \"nginx\" is forbidden: User"
                + " \"system:serviceaccount:" + cluster.ns + ":exec-create\" cannot get resource \"pods/exec\" in API"
                + " group \"\" in the namespace \"" + cluster.ns + "\"; grant get and create on pods/exec and"
                + " pods/attach: a websocket exec is an HTTP GET, authorized as get (from Kubernetes 1.35 also as"
                + " create); kubectl may work with create alone because against servers before 1.30 it falls back to"
                + " SPDY, a POST, authorized as create\n");
    }

    @Test
    @RequiresServer(maxMinor = 34, why = "1.35+ also authorize a websocket exec as create")
    @DisplayName("get alone on pods/exec, before Kubernetes 1.35: ps works")
    void getOnly_worksBefore135() {
        Shell.Result r = ps(getOnly);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("nginx: master process");
    }

    @Test
    @RequiresServer(minor = 35, why = "servers before 1.35 authorize a websocket exec as get alone")
    @DisplayName("get alone on pods/exec, from Kubernetes 1.35: the server's refusal of create, in one line")
    void getOnly_refusedCreateFrom135() {
        Shell.Result r = ps(getOnly);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("error: forbidden: pods \"nginx\" is forbidden: User"
                + " \"system:serviceaccount:" + cluster.ns + ":exec-get\" cannot create resource \"pods/exec\" in API"
                + " group \"\" in the namespace \"" + cluster.ns + "\"; grant get and create on pods/exec and"
                + " pods/attach: a websocket exec is an HTTP GET, authorized as get (from Kubernetes 1.35 also as"
                + " create)\n");
    }

    private static Shell.Result ps(Path kubeconfig) {
        return Shell.sharepid("ps", "nginx", "-q", "--kubeconfig", kubeconfig.toString(), "-n", cluster.ns);
    }
}
