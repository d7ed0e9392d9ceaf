package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flags of kubectl 1.31+ debug on the real cluster ({@code --keep-liveness}, {@code --custom}, the netadmin
 * profile), and {@code --hold} on a copy of a crash-looping pod: the held containers run, {@code ps} shows
 * them and {@code peek-root} reads their files, also for an image without a shell.
 */
@Tag("e2e")
class ParityE2E {
    /** busybox sleeping, with all three probes (exec true: always passing). */
    private static final String PROBED = """
            apiVersion: v1
            kind: Pod
            metadata: {name: probed}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: app
                image: busybox
                command: [sleep, "3600"]
                livenessProbe: {exec: {command: ["true"]}, periodSeconds: 30}
                readinessProbe: {exec: {command: ["true"]}, periodSeconds: 2}
                startupProbe: {exec: {command: ["true"]}, periodSeconds: 2}
            """;

    /** app exits 3 at start; nosh is the pause image (no shell, no sleep) with a command it does not have. */
    private static final String CRASHER = """
            apiVersion: v1
            kind: Pod
            metadata: {name: crasher}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: app
                image: busybox
                command: [sh, -c, "echo crashing; exit 3"]
                env: [{name: APP_MODE, value: broken}]
              - name: nosh
                image: k8s.gcr.io/pause:3.2
                command: [/no-such-binary]
            """;

    private static Cluster cluster;

    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("parity", c -> cluster = c).withPod(PROBED, "probed");

    @BeforeAll
    static void crashingPod() {
        ok(Shell.run(CRASHER.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.List.of("kubectl", "-n", cluster.ns, "apply", "-f", "-")));
        for (int i = 0; i < 120 && restarts("crasher", "app") < 1; i++) {
            Cluster.sleep(500);
        }
        assertThat(restarts("crasher", "app")).as("app of pod crasher has crashed once").isPositive();
    }

    private static int restarts(String pod, String container) {
        for (JsonNode s : cluster.pod(pod).at("/status/containerStatuses")) {
            if (container.equals(s.path("name").asText())) {
                return s.path("restartCount").asInt();
            }
        }
        return 0;
    }

    @Test
    @DisplayName("--keep-liveness: the copied container keeps its liveness probe and no other; the debug container has none")
    void keepLiveness_keepsOnlyTheLivenessProbe() {
        ok(Shell.sharepid("debug", "probed", "-n", cluster.ns, "--attach=false", "--keep-liveness",
                "--copy-to", "probed-live"));

        JsonNode spec = cluster.pod("probed-live").at("/spec");
        assertThat(spec.at("/containers/0/livenessProbe/exec/command/0").asText()).isEqualTo("true");
        assertThat(spec.at("/containers/0/readinessProbe").isMissingNode()).isTrue();
        assertThat(spec.at("/containers/0/startupProbe").isMissingNode()).isTrue();
        assertThat(spec.at("/containers/1/name").asText()).isEqualTo("sharepid");
        assertThat(spec.at("/containers/1").has("livenessProbe")).isFalse();
        assertThat(cluster.pod("probed-live").at("/status/phase").asText()).isEqualTo("Running");
    }

    @Test
    @DisplayName("--custom adds an env var and a memory limit, --profile netadmin NET_ADMIN and NET_RAW, to the running debug container")
    void customAndNetadmin_shapeTheDebugContainer() throws IOException {
        Path custom = Files.createTempFile("sharepid-custom", ".yaml");
        try {
            Files.writeString(custom, "env: [{name: PARITY_MODE, value: custom}]\nresources: {limits: {memory: 64Mi}}\n");
            ok(Shell.sharepid("debug", "probed", "-n", cluster.ns, "--attach=false", "--profile", "netadmin",
                    "--custom", custom.toString(), "--copy-to", "probed-custom"));
        } finally {
            Files.delete(custom);
        }

        JsonNode debug = cluster.pod("probed-custom").at("/spec/containers/1");
        assertThat(debug.at("/resources/limits/memory").asText()).isEqualTo("64Mi");
        assertThat(debug.at("/securityContext/capabilities/add").toString()).isEqualTo("[\"NET_ADMIN\",\"NET_RAW\"]");
        assertThat(ok(Shell.kubectl("-n", cluster.ns, "exec", "probed-custom", "-c", "sharepid", "--", "sh", "-c",
                "echo $PARITY_MODE")).stdout()).isEqualTo("custom\n");
        // CAP_NET_ADMIN is bit 12, CAP_NET_RAW bit 13: both in the debug shell's effective set
        String capEff = ok(Shell.kubectl("-n", cluster.ns, "exec", "probed-custom", "-c", "sharepid", "--", "grep",
                "CapEff", "/proc/self/status")).stdout().replaceAll("\\s+", " ").strip();
        long caps = Long.parseUnsignedLong(capEff.substring(capEff.indexOf(' ') + 1), 16);
        assertThat(caps & (1L << 12)).isNotZero();
        assertThat(caps & (1L << 13)).isNotZero();
    }

    @Test
    @DisplayName("debug of a crash-looping pod without --hold: one hint line names the crashing containers and --hold")
    void crashingSource_getsTheHoldHint() {
        Shell.Result r = ok(Shell.sharepid("debug", "crasher", "-n", cluster.ns, "--attach=false",
                "--copy-to", "crasher-plain"));

        assertThat(r.stderr().lines().filter(l -> l.startsWith("hint: "))).singleElement().asString()
                .contains("app (").contains("--hold NAME (repeatable)");
        assertThat(Shell.sharepid("-q", "debug", "crasher", "-n", cluster.ns, "--attach=false",
                "--copy-to", "crasher-quiet").stderr()).doesNotContain("hint:");
    }

    @Test
    @DisplayName("--hold app --hold nosh: both run in the copy, ps shows them, peek-root reads their files")
    void hold_keepsCrashingContainersRunningAndReadable() {
        Shell.Result r = ok(Shell.sharepid("debug", "crasher", "-n", cluster.ns, "--attach=false",
                "--hold", "app", "--hold", "nosh", "--copy-to", "crasher-held"));

        assertThat(r.stderr()).contains("Container app is held: it runs /sharepid-hold/busybox sleep 2147483647"
                + " instead of its command: sh -c 'echo crashing; exit 3'").contains("Container nosh is held")
                .doesNotContain("hint:");
        JsonNode pod = cluster.pod("crasher-held");
        assertThat(Cluster.json(pod.at("/metadata/annotations/sharepid.io~1held").asText()).toString()).isEqualTo(
                "{\"app\":{\"command\":[\"sh\",\"-c\",\"echo crashing; exit 3\"]},\"nosh\":{\"command\":[\"/no-such-binary\"]}}");
        assertThat(pod.at("/status/containerStatuses").findValuesAsText("name")).contains("app", "nosh");
        pod.at("/status/containerStatuses").forEach(s ->
                assertThat(s.has("state") && s.at("/state").has("running")).as(s.toString()).isTrue());

        String ps = ok(Shell.sharepid("ps", "crasher-held", "-n", cluster.ns, "--no-headers")).stdout();
        assertThat(ps.lines().filter(l -> l.contains("/sharepid-hold/busybox sleep 2147483647")).map(l -> l.split("\\s+")[1]))
                .containsExactlyInAnyOrder("app", "nosh");
        assertThat(ok(Shell.sharepid("peek-root", "crasher-held", "-n", cluster.ns, "-c", "nosh", "/")).stdout())
                .contains("pause").contains("sharepid-hold");
        assertThat(ok(Shell.sharepid("peek-root", "crasher-held", "-n", cluster.ns, "-c", "app", "/bin")).stdout())
                .contains("busybox");
        assertThat(ok(Shell.kubectl("-n", cluster.ns, "exec", "crasher-held", "-c", "app", "--",
                "/sharepid-hold/busybox", "sh", "-c", "echo $APP_MODE")).stdout()).isEqualTo("broken\n");
    }
}
