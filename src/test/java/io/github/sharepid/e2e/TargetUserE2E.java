package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code debug --as-target-user} on a pod that forbids root (its app runs as UID 1000): under --profile
 * restricted the debug container runs as UID 1000 and signals and reads the app's process with no capability,
 * where the restricted default (UID 65534) is refused.
 */
@Tag("e2e")
class TargetUserE2E {
    /** The app runs as UID 1000 in a pod that sets runAsNonRoot: the same pod as {@link NonRootE2E}'s. */
    private static final String POD = NonRootE2E.POD;
    private static Cluster cluster;

    @BeforeAll
    static void nonRootPod() {
        cluster = Cluster.namespace("targetuser").applyAndWait(POD, "app");
    }

    @AfterAll
    static void removeNamespace() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("restricted + --as-target-user: UID 1000, signal and peek-root reach the UID-1000 app")
    void asTargetUser_signalsAndReadsTheApp() {
        Shell.Result debug = ok(Shell.sharepid("debug", "app", "-n", cluster.ns, "--profile", "restricted",
                "--as-target-user", "--attach=false"));
        String copy = debug.stdout().strip();
        assertThat(debug.stderr()).contains("runs as UID 1000 without capabilities");
        JsonNode sc = container(cluster.pod(copy), "sharepid").at("/securityContext");
        assertThat(sc.at("/runAsUser").asLong()).isEqualTo(1000L);
        assertThat(sc.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(sc.at("/capabilities/drop/0").asText()).isEqualTo("ALL");

        Shell.Result ps = ok(Shell.sharepid("ps", copy, "-n", cluster.ns, "-c", "app"));
        assertThat(ps.stdout()).contains("sleep 3600");
        assertThat(ps.stderr()).contains("note: read in container sharepid as UID 1000");
        Shell.Result signal = ok(Shell.sharepid("signal", copy, "-n", cluster.ns, "-c", "app", "-s", "CONT"));
        assertThat(signal.stdout()).containsPattern("(?m)^\\d+ +app +CONT +sent +sleep 3600");
        assertThat(ok(Shell.sharepid("peek-root", copy, "-n", cluster.ns, "-c", "app", "/etc/hostname")).stdout())
                .isNotBlank();
    }

    @Test
    @DisplayName("restricted without it: UID 65534 is refused with EPERM explained")
    void restrictedDefault_isRefused() {
        String copy = ok(Shell.sharepid("debug", "app", "-n", cluster.ns, "--profile", "restricted", "--attach=false",
                "-q")).stdout().strip();

        Shell.Result signal = Shell.sharepid("signal", copy, "-n", cluster.ns, "-c", "app", "-s", "CONT");

        assertThat(signal.exitCode()).as(signal.toString()).isEqualTo(1);
        assertThat(signal.stderr()).contains("permission denied: signalling another container's process needs the"
                + " same UID as that process or CAP_KILL");
    }

    @Test
    @DisplayName("a pod that does not say its user: one line asking for --run-as, nothing created; --run-as works")
    void specWithoutUser_asksForRunAs() {
        Shell.Result r = Shell.sharepid("debug", "app", "-n", cluster.ns, "--as-target-user", "--run-as", "1000:1000",
                "--profile", "restricted", "--attach=false", "-q", "--copy-to", "app-runas");
        String copy = ok(r).stdout().strip();
        JsonNode sc = container(cluster.pod(copy), "sharepid").at("/securityContext");
        assertThat(sc.at("/runAsUser").asLong()).isEqualTo(1000L);
        assertThat(sc.at("/runAsGroup").asLong()).isEqualTo(1000L);

        Shell.Result refused = Shell.sharepid("debug", "app", "-n", cluster.ns, "--as-target-user", "--target", "app",
                "--run-as", "0", "--profile", "restricted", "--attach=false", "--copy-to", "app-root");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr().lines().toList()).singleElement().asString()
                .startsWith("error: the target's user is root (UID 0), which --profile restricted refuses");
        assertThat(cluster.exists("app-root")).isFalse();
    }

    private static JsonNode container(JsonNode pod, String name) {
        return StreamSupport.stream(pod.at("/spec/containers").spliterator(), false)
                .filter(c -> c.at("/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + pod));
    }
}
