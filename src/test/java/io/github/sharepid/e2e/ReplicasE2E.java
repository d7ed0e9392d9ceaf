package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ps, ports, signal and peek-root over the replicas of a Deployment whose pod shares its process namespace (the docs
 * page's nginx + busybox shell, four replicas), on the real cluster: four pods in one run, nginx's master on :80 in each, a reload of nginx in
 * every pod with --main, the one pod whose nginx.conf differs named by --checksum, a Pending pod skipped.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasE2E {
    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 4
              selector:
                matchLabels: {app: web}
                matchExpressions:
                - {key: group, operator: In, values: [e2e]}
              template:
                metadata:
                  labels: {app: web, group: e2e}
                spec:
                  shareProcessNamespace: true
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: nginx
                    image: nginx
                  - name: shell
                    image: busybox
                    securityContext:
                      capabilities:
                        add: [SYS_PTRACE]
                    stdin: true
                    tty: true
            """;
    private static final String STUCK = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: stuck
              labels: {group: e2e}
            spec:
              nodeSelector: {sharepid-e2e: nowhere}
              containers:
              - name: shell
                image: busybox
            """;

    private static final String SOLO = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: solo
            spec:
              replicas: 2
              selector:
                matchLabels: {app: solo}
              template:
                metadata:
                  labels: {app: solo}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: nginx
                    image: nginx
            """;

    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("replicas", c -> cluster = c);

    @BeforeAll
    static void fourReplicas() throws Exception {
        apply(WEB);
        ok(Shell.kubectl("-n", cluster.ns, "rollout", "status", "deployment/web", "--timeout=240s"));
    }

    @Test
    @Order(1)
    void ps_deployment_showsFourPods_inPodOrder() {
        Shell.Result run = ok(sharepid("ps", "deploy/web", "-c", "nginx"));

        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("POD ").contains("PID").contains("CONTAINER");
        List<String> pods = lines.stream().skip(1).map(l -> l.split(" +")[0]).distinct().toList();
        assertThat(pods).hasSize(4).isSorted().allMatch(p -> p.startsWith("web-"));
        assertThat(lines).filteredOn(l -> l.contains("nginx: master process")).hasSize(4);
    }

    @Test
    @Order(1)
    void ports_deployment_nginxsMasterOwnsPort80_inEveryPod() {
        Shell.Result run = ok(sharepid("ports", "deploy/web"));

        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).matches("POD +PROTO +LOCAL +REMOTE +STATE +PID +CONTAINER +USER +COMMAND");
        List<String> masters = lines.stream().filter(l -> l.matches("\\S+ +tcp +0\\.0\\.0\\.0:80 +.* LISTEN +\\d+ +nginx +"
                + "root +nginx: master process.*")).map(l -> l.split(" +")[0]).toList();
        assertThat(masters).hasSize(4).doesNotHaveDuplicates().isSorted().allMatch(p -> p.startsWith("web-"));
    }

    @Test
    @Order(2)
    void signal_main_HUP_givesNewWorkersInEveryPod_withTheSameMasters() {
        Map<String, Processes> before = nginx();

        Shell.Result run = ok(sharepid("signal", "deploy/web", "-c", "nginx", "--main", "-s", "HUP"));

        assertThat(run.stdout().lines().skip(1)).hasSize(4).allSatisfy(l -> assertThat(l).contains(" HUP ")
                .contains(" sent ").contains("nginx: master process"));
        Map<String, Processes> after = before;
        for (int i = 0; i < 50 && !allReloaded(before, after); i++) {
            Cluster.sleep(200);
            after = nginx();
        }
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String pod : before.keySet()) {
            assertThat(after.get(pod).master()).as(pod).isEqualTo(before.get(pod).master());
            assertThat(after.get(pod).workers()).as(pod).isNotEmpty().doesNotContainAnyElementsOf(before.get(pod).workers());
        }
    }

    @Test
    @Order(3)
    void peekRoot_checksum_namesThePodWhoseNginxConfDiffers() {
        String odd = nginx().keySet().iterator().next();
        ok(Shell.kubectl("-n", cluster.ns, "exec", odd, "-c", "nginx", "--", "sh", "-c",
                "echo '# changed' >> /etc/nginx/nginx.conf"));

        Shell.Result run = ok(sharepid("peek-root", "deploy/web", "-c", "nginx", "/etc/nginx/nginx.conf",
                "--checksum"));

        assertThat(run.stdout().lines().skip(1)).hasSize(4);
        assertThat(run.stderr()).contains("3 pods identical, 1 differs: " + odd);
    }

    @Test
    @Order(4)
    void selector_withAPendingPod_skipsIt_onStderr() throws Exception {
        apply(STUCK);

        Shell.Result run = ok(sharepid("ps", "-l", "group=e2e", "-c", "nginx", "--no-headers"));

        assertThat(run.stderr()).contains("skipped pod stuck: Pending");
        assertThat(run.stdout().lines().map(l -> l.split(" +")[0]).distinct()).hasSize(4);
    }

    @Test
    @Order(5)
    void ephemeral_unsharedDeployment_oneToolsContainerPerPod_afterTwoRuns_saidEvenUnderQuiet() throws Exception {
        apply(SOLO);
        ok(Shell.kubectl("-n", cluster.ns, "rollout", "status", "deployment/solo", "--timeout=240s"));

        Shell.Result first = ok(sharepid("ps", "deploy/solo", "--ephemeral", "--target", "nginx", "-q"));
        Shell.Result second = ok(sharepid("ps", "deploy/solo", "--ephemeral", "--target", "nginx", "-q"));

        assertThat(first.stderr()).contains("--ephemeral will add a tools container to 2 of 2 pods");
        assertThat(second.stderr()).doesNotContain("--ephemeral will add");
        assertThat(second.stdout().lines().skip(1).map(l -> l.split(" +")[0]).distinct()).hasSize(2);
        JsonNode pods = Cluster.json(ok(Shell.kubectl("-n", cluster.ns, "get", "pods", "-l", "app=solo", "-o", "json"))
                .stdout());
        assertThat(pods.at("/items")).hasSize(2).allSatisfy(p -> assertThat(p.at("/spec/ephemeralContainers"))
                .as(p.at("/metadata/name").asText()).hasSize(1));
    }

    /** Per pod, nginx's master PID and its workers' PIDs, from ps -o json over the deployment. */
    private static Map<String, Processes> nginx() {
        JsonNode doc = Cluster.json(ok(sharepid("ps", "deploy/web", "-c", "nginx", "-o", "json")).stdout());
        Map<String, Processes> byPod = new TreeMap<>();
        for (JsonNode p : doc.at("/processes")) {
            String pod = p.at("/pod").asText();
            Processes known = byPod.getOrDefault(pod, new Processes(-1, Set.of()));
            String command = p.at("/command").asText();
            if (command.startsWith("nginx: master")) {
                byPod.put(pod, new Processes(p.at("/pid").asInt(), known.workers()));
            } else if (command.startsWith("nginx: worker")) {
                Set<Integer> workers = new java.util.HashSet<>(known.workers());
                workers.add(p.at("/pid").asInt());
                byPod.put(pod, new Processes(known.master(), workers));
            }
        }
        return byPod;
    }

    private static boolean allReloaded(Map<String, Processes> before, Map<String, Processes> after) {
        return before.keySet().stream().allMatch(pod -> after.containsKey(pod) && !after.get(pod).workers().isEmpty()
                && after.get(pod).workers().stream().noneMatch(before.get(pod).workers()::contains));
    }

    private record Processes(int master, Set<Integer> workers) {
    }

    private static void apply(String yaml) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sharepid-e2e", ".yaml");
        try {
            java.nio.file.Files.writeString(file, yaml);
            ok(Shell.kubectl("-n", cluster.ns, "apply", "-f", file.toString()));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static Shell.Result sharepid(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-n");
        all.add(cluster.ns);
        return Shell.sharepid(all.toArray(String[]::new));
    }
}
