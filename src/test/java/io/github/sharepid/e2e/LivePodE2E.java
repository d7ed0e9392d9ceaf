package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ps, signal and debug on live pods, no copy: the container chosen without a flag, and {@code --ephemeral}
 * (Kubernetes 1.20's EphemeralContainers object on the local cluster, feature gate on). The source pods'
 * containers are never restarted.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePodE2E {
    /**
     * A pod that shares its process namespace and whose containers cannot run any tool: the local pause image
     * (no shell at all), and nginx started by absolute path with PATH set to an empty directory, so that an exec
     * of {@code sh} finds nothing (the local nginx image has busybox in /bin; the PATH is what hides it).
     */
    private static final String BARE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: bare}
            spec:
              shareProcessNamespace: true
              terminationGracePeriodSeconds: 1
              containers:
              - name: pause
                image: k8s.gcr.io/pause:3.2
              - name: nginx
                image: nginx
                command: ["/usr/sbin/nginx", "-g", "daemon off;"]
                env: [{name: PATH, value: /nonexistent}]
            """;
    /** nginx alone, not sharing its process namespace. */
    private static final String ALONE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: alone}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: nginx
                image: nginx
            """;
    private static Cluster cluster;

    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("live", c -> cluster = c).withDocsPod()
            .withPod(BARE, "bare").withPod(ALONE, "alone");

    @AfterEach
    void noSourceContainerRestarted() {
        for (String pod : List.of("nginx", "bare", "alone")) {
            for (JsonNode status : cluster.pod(pod).at("/status/containerStatuses")) {
                assertThat(status.at("/restartCount").asInt()).as(pod + "/" + status.at("/name").asText()).isZero();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("the docs pod: ps with no flag runs in the shell container and says so; -q hides it")
    void docsPod_psWithoutFlag() {
        Shell.Result r = ok(sharepid("ps", "nginx"));

        assertThat(r.stdout()).contains("nginx: master process").contains("(sandbox)");
        assertThat(r.stderr()).contains("running the tools in container shell of pod nginx");
        assertThat(ok(sharepid("ps", "nginx", "-q")).stderr()).isEmpty();
        assertThat(cluster.pod("nginx").at("/spec/ephemeralContainers").isMissingNode()).isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("no container can run the tools and no flag: one line that offers --ephemeral, nothing added")
    void barePod_withoutFlag_offersEphemeral() {
        Shell.Result r = sharepid("ps", "bare");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr().strip()).startsWith("error: no running container of pod bare can run the tools")
                .contains("pause has no sh", "nginx has no sh", "--ephemeral").doesNotContain("\n");
        assertThat(ephemeralContainers("bare")).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("ps --ephemeral: every process with its container; a second call reuses the tools container")
    void barePod_psEphemeral_addsOnceThenReuses() {
        Shell.Result first = ok(sharepid("ps", "bare", "--ephemeral", "-q", "-o", "json"));

        List<String> added = ephemeralContainers("bare");
        assertThat(added).singleElement().asString().matches("sharepid-tools-[0-9a-f]{10}");
        assertThat(first.stderr().lines()).as("-q hides progress, never the change to the live pod")
                .singleElement().asString().contains("the API can never remove an ephemeral container");
        JsonNode doc = Cluster.json(first.stdout());
        assertThat(containerOf(doc, "/pause")).isEqualTo("(sandbox)");
        assertThat(containerOf(doc, "nginx: master process")).isEqualTo("nginx");
        assertThat(containerOf(doc, "nginx: worker process")).isEqualTo("nginx");
        assertThat(containerOf(doc, "sleep 2147483647")).isEqualTo(added.get(0));

        Shell.Result second = ok(sharepid("ps", "bare", "--ephemeral"));
        assertThat(second.stderr()).contains("using the tools container " + added.get(0))
                .doesNotContain("can never remove");
        assertThat(ephemeralContainers("bare")).isEqualTo(added);
    }

    @Test
    @Order(4)
    @DisplayName("signal --ephemeral -s HUP reloads nginx in the live pod: new workers, the same master")
    void barePod_signalEphemeral_reloadsNginx() {
        int master = pids("bare", "nginx: master process").get(0);
        List<Integer> before = pids("bare", "nginx: worker process");

        Shell.Result r = ok(sharepid("signal", "bare", "--ephemeral", "-c", "nginx", "--match", "master", "-s", "HUP"));

        assertThat(r.stdout()).contains("HUP").contains("sent");
        List<Integer> after = pids("bare", "nginx: worker process");
        for (int i = 0; i < 50 && (after.isEmpty() || after.stream().anyMatch(before::contains)); i++) {
            Cluster.sleep(200);
            after = pids("bare", "nginx: worker process");
        }
        assertThat(after).isNotEmpty().doesNotContainAnyElementsOf(before);
        assertThat(pids("bare", "nginx: master process")).containsExactly(master);
        assertThat(ephemeralContainers("bare")).hasSize(1);
    }

    @Test
    @Order(5)
    @DisplayName("a pod that does not share: --ephemeral needs --target; with it only nginx's processes show")
    void alonePod_ephemeralTarget_seesOnlyNginx() {
        Shell.Result refused = sharepid("ps", "alone", "--ephemeral");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr().strip()).isEqualTo("error: pod alone does not share its process namespace: name"
                + " the container whose processes the tools should see with --target (one of: nginx)");
        assertThat(ephemeralContainers("alone")).isEmpty();

        Shell.Result r = ok(sharepid("ps", "alone", "--ephemeral", "--target", "nginx", "-o", "json"));

        assertThat(r.stderr()).contains("only the processes of container nginx are visible");
        String tools = ephemeralContainers("alone").get(0);
        List<String> containers = new ArrayList<>();
        Cluster.json(r.stdout()).at("/processes").forEach(p -> containers.add(p.at("/container").asText()));
        assertThat(containers).contains("nginx").doesNotContain("(sandbox)").allMatch(c -> c.equals("nginx")
                || c.equals(tools));
        assertThat(cluster.pod("alone").at("/spec/ephemeralContainers/0/targetContainerName").asText())
                .isEqualTo("nginx");
    }

    @Test
    @Order(6)
    @DisplayName("debug --ephemeral under a terminal: a shell in the live pod sees nginx; 'exit 5' is exit code 5")
    void docsPod_debugEphemeral_passesTheShellsExitCode() throws Exception {
        Process p = Shell.start(List.of("script", "-qfec", "kubectl sharepid debug nginx --ephemeral -n " + cluster.ns,
                "/dev/null"));
        DebugE2E.Screen screen = new DebugE2E.Screen(p.getInputStream());
        OutputStream keys = p.getOutputStream();

        screen.await("/ # ", 90);
        keys.write("ps\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        screen.await("nginx: master process", 30);
        keys.write("exit 5\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(screen.text()).isTrue();
        assertThat(p.exitValue()).as(screen.text()).isEqualTo(5);
        assertThat(screen.text()).contains("the API can never remove an ephemeral container");
        assertThat(ephemeralContainers("nginx")).singleElement().asString().matches("sharepid-debug-[a-z0-9]{5}");
    }

    @Test
    @Order(7)
    @RequiresServer(maxMinor = 22, why = "1.23+ servers accept an ephemeral container's securityContext")
    @DisplayName("debug --ephemeral --run-as on 1.20 (no securityContext allowed): one line, nothing added")
    void alonePod_debugEphemeralRunAs_isRefusedWhereTheServerAllowsNoSecurityContext() {
        List<String> before = ephemeralContainers("alone");

        Shell.Result r = sharepid("debug", "alone", "--ephemeral", "--target", "nginx", "--run-as", "1000",
                "--attach=false", "-q");

        assertRefusedAsUid1000(r, "alone", before);
    }

    @Test
    @Order(8)
    @RequiresServer(maxMinor = 22, why = "1.23+ servers accept an ephemeral container's securityContext")
    @DisplayName("ps --ephemeral --run-as on 1.20: the root tools container is not reused, and none is added")
    void barePod_psEphemeralRunAs_isRefusedWhereTheServerAllowsNoSecurityContext() {
        List<String> before = ephemeralContainers("bare");

        Shell.Result r = sharepid("ps", "bare", "--ephemeral", "--run-as", "1000", "-q");

        assertRefusedAsUid1000(r, "bare", before);
    }

    /** The one-line refusal of a server that allows no securityContext in an ephemeral container; none added. */
    private static void assertRefusedAsUid1000(Shell.Result r, String pod, List<String> before) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().strip()).isEqualTo("error: this API server allows no securityContext in an ephemeral"
                + " container (Kubernetes before 1.23), so it cannot run as UID 1000; nothing was added (debug a copy"
                + " with --as-target-user instead)");
        assertThat(ephemeralContainers(pod)).isEqualTo(before);
    }

    private static List<String> ephemeralContainers(String pod) {
        List<String> names = new ArrayList<>();
        cluster.pod(pod).at("/spec/ephemeralContainers").forEach(c -> names.add(c.at("/name").asText()));
        return names;
    }

    /** The container of the first process whose command line starts with {@code command}. */
    private static String containerOf(JsonNode doc, String command) {
        for (JsonNode p : doc.at("/processes")) {
            if (p.at("/command").asText().startsWith(command)) {
                return p.at("/container").asText();
            }
        }
        throw new AssertionError("no process " + command + " in " + doc);
    }

    /** The PIDs whose command line starts with {@code command}, read with ps --ephemeral. */
    private static List<Integer> pids(String pod, String command) {
        JsonNode doc = Cluster.json(ok(sharepid("ps", pod, "--ephemeral", "-q", "-o", "json")).stdout());
        List<Integer> pids = new ArrayList<>();
        doc.at("/processes").forEach(p -> {
            if (p.at("/command").asText().startsWith(command)) {
                pids.add(p.at("/pid").asInt());
            }
        });
        return pids.stream().sorted().toList();
    }

    private static Shell.Result sharepid(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-n");
        all.add(cluster.ns);
        return Shell.sharepid(all.toArray(String[]::new));
    }
}
