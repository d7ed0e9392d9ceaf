package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pod that must not run as root (pod-level {@code runAsNonRoot: true}, its container as UID 1000): which
 * profile starts, and what a restricted debug container (UID 65534) is told when it may not read or signal
 * the UID-1000 process.
 */
@Tag("e2e")
class NonRootE2E {
    static final String POD = String.join("\n",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: app}",
            "spec:",
            "  securityContext: {runAsNonRoot: true}",
            "  containers:",
            "  - name: app",
            "    image: busybox",
            "    command: [sleep, '3600']",
            "    securityContext: {runAsUser: 1000}",
            "");
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("nonroot", c -> cluster = c).withPod(POD, "app");

    @Test
    @DisplayName("general: the debug container alone runs as root (and says so), starts, and reads the UID-1000 process's files")
    void general_runsTheDebugContainerAsRootAndReachesTheApp() {
        Shell.Result r = ok(Shell.sharepid("debug", "app", "-n", cluster.ns, "--attach=false"));
        String copy = r.stdout().strip();

        assertThat(r.stderr()).contains("note: The pod sets runAsNonRoot; the debug container alone runs as root");
        JsonNode pod = cluster.pod(copy);
        assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode debug = container(pod, "sharepid");
        assertThat(debug.at("/securityContext/runAsUser").asLong()).isZero();
        assertThat(debug.at("/securityContext/runAsNonRoot").asBoolean(true)).isFalse();
        assertThat(container(pod, "app").at("/securityContext/runAsUser").asLong()).isEqualTo(1000L);
        assertThat(ok(Shell.sharepid("peek-root", copy, "-n", cluster.ns, "-c", "app", "/etc/hostname")).stdout())
                .isNotBlank();
        delete(copy);
    }

    @Test
    @DisplayName("baseline: busybox as root cannot start under runAsNonRoot; fails fast naming the profiles that start, copy deleted")
    void baseline_failsFastWithTheProfilesThatStart() {
        Shell.Result r = Shell.sharepid("debug", "app", "-n", cluster.ns, "--attach=false", "--profile", "baseline",
                "-q", "--copy-to", "app-baseline");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr().lines().toList()).as(r.toString()).singleElement().asString()
                .contains("cannot start: CreateContainerConfigError")
                .contains("runAsNonRoot")
                .contains("use --profile restricted, which runs the debug container as UID 65534, or --profile"
                        + " general, which runs it alone as root");
        awaitGone("app-baseline");
    }

    @Test
    @DisplayName("restricted (UID 65534): peek-root and signal into the UID-1000 process explain the UID/capability rule")
    void restricted_explainsWhyItCannotReadOrSignalTheApp() {
        String copy = ok(Shell.sharepid("debug", "app", "-n", cluster.ns, "--attach=false", "--profile", "restricted",
                "-q")).stdout().strip();
        assertThat(container(cluster.pod(copy), "sharepid").at("/securityContext/runAsUser").asLong()).isEqualTo(65534L);

        Shell.Result peek = Shell.sharepid("peek-root", copy, "-n", cluster.ns, "-c", "app", "/etc/hostname");
        assertThat(peek.exitCode()).as(peek.toString()).isEqualTo(1);
        assertThat(peek.stdout()).isEmpty();
        assertThat(peek.stderr().lines().toList()).as(peek.toString()).singleElement().asString()
                .startsWith("error: permission denied reading /etc/hostname")
                .contains("needs that process's UID or CAP_SYS_PTRACE");

        Shell.Result signal = Shell.sharepid("signal", copy, "-n", cluster.ns, "-c", "app", "-s", "TERM");
        assertThat(signal.exitCode()).as(signal.toString()).isEqualTo(1);
        assertThat(signal.stdout() + signal.stderr()).as(signal.toString())
                .contains("permission denied: signalling another container's process needs the same UID as that"
                        + " process or CAP_KILL");
        assertThat(ok(Shell.sharepid("ps", copy, "-n", cluster.ns, "-c", "app", "--no-headers")).stdout())
                .contains("sleep 3600");
        delete(copy);
    }

    private static JsonNode container(JsonNode pod, String name) {
        return StreamSupport.stream(pod.at("/spec/containers").spliterator(), false)
                .filter(c -> c.at("/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + pod));
    }

    private static void delete(String copy) {
        ok(Shell.kubectl("-n", cluster.ns, "delete", "pod", copy, "--grace-period=1", "--wait=false"));
    }

    /**
     * The failed copy was deleted by the command: gone within 20 s, or at least being deleted (on a loaded node
     * the kubelet can take longer than that to stop a container; the delete itself is what the command owes).
     */
    private static void awaitGone(String name) {
        for (int i = 0; i < 100 && cluster.exists(name); i++) {
            Cluster.sleep(200);
        }
        Shell.Result left = Shell.kubectl("-n", cluster.ns, "get", "pod", name, "-o",
                "jsonpath={.metadata.deletionTimestamp}");
        boolean gone = left.exitCode() != 0 && left.stderr().contains("NotFound");
        assertThat(gone || left.exitCode() == 0 && !left.stdout().isBlank()).as(name + " deleted: " + left).isTrue();
    }
}
