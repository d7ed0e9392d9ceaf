package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.kube.fabric8.ChannelTestServer;
import io.github.sharepid.kube.fabric8.ChannelTestServer.Answer;
import io.github.sharepid.kube.fabric8.Fabric8Context;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ps}, {@code signal}, {@code peek-root}, {@code ports}, {@code files} and {@code top} over a Deployment's pods, the whole command line against a test
 * API server: one GET of the workload, one LIST of pods, then each pod's own single-pod run; output by pod.
 */
@Timeout(60)
class ReplicasCommandTest {
    private static final String NS = "fixtures-proc";
    private static final String PODS = "/api/v1/namespaces/" + NS + "/pods";
    private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/" + NS + "/deployments/web";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();
    private ChannelTestServer server;
    private KubernetesClient client;

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void ps_deployment_addsAPodColumn_rowsByPodThenPid_oneGetOneListThenEachPod() throws IOException {
        serve(Map.of("web-b", fixture("docs-pod.bin"), "web-a", fixture("docs-pod.bin")));

        CliRun run = cli("ps", "deploy/web", "--exec-container", "shell", "--max-concurrency", "2");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("POD     PID   CONTAINER");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(" +")[0] + " " + l.split(" +")[1])
                .containsExactly("web-a 1", "web-a 8", "web-a 14", "web-a 15", "web-a 16",
                        "web-b 1", "web-b 8", "web-b 14", "web-b 15", "web-b 16");
        assertThat(server.requests()).startsWith("GET " + DEPLOYMENT, "GET " + PODS).hasSize(4)
                .filteredOn(r -> r.endsWith("/exec")).hasSize(2);
    }

    @Test
    void ps_json_carriesPodAndNamespaceWithEveryProcess() throws IOException {
        serve(Map.of("web-a", fixture("docs-pod.bin"), "web-b", fixture("docs-pod.bin")));

        CliRun run = cli("ps", "deploy/web", "--exec-container", "shell", "-o", "json");

        assertThat(run.stdout()).startsWith("{\n    \"processes\": [\n        {\n            \"pod\": \"web-a\",\n"
                + "            \"namespace\": \"" + NS + "\",\n            \"pid\": 1,");
    }

    @Test
    void ps_onePodFails_itsLineOnStderr_theOthersPrinted_exit3() throws IOException {
        serve(Map.of("web-a", fixture("docs-pod.bin"), "web-b", new byte[0]));

        CliRun run = cli("ps", "deploy/web", "--exec-container", "shell");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).contains("web-a").doesNotContain("web-b");
        assertThat(run.stderr()).startsWith("error: pod web-b: reading /proc in container shell of pod web-b failed");
    }

    @Test
    void signal_numericPid_withSeveralPods_isRefused_andNothingIsSent() throws IOException {
        serve(Map.of());

        CliRun run = cli("signal", "deploy/web", "8", "-s", "HUP", "--exec-container", "shell");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("error: PIDs differ from pod to pod: with 2 pods select the processes"
                + " with -c and --match or --main instead\n");
        assertThat(server.requests()).noneMatch(r -> r.endsWith("/exec"));
    }

    @Test
    void peekRoot_checksum_oneLinePerPod_andWhichDiffers() throws IOException {
        serve(Map.of("web-a", file("same\n"), "web-b", file("other\n"), "web-c", file("same\n")));

        CliRun run = cli("peek-root", "-l", "app=web", "8", "/etc/nginx/nginx.conf", "--checksum",
                "--exec-container", "shell");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines().map(l -> l.replaceFirst("^\\S+ +", "")))
                .containsExactly("SIZE   POD", "5      web-a", "6      web-b", "5      web-c");
        assertThat(run.stderr()).isEqualTo("2 pods identical, 1 differs: web-b\n");
    }

    @Test
    void peekRoot_withoutChecksum_eachPodsBytesUnderItsHeader() throws IOException {
        serve(Map.of("web-a", file("one\n"), "web-b", file("two\n")));

        CliRun run = cli("peek-root", "deployment/web", "8", "/etc/x", "--exec-container", "shell");

        assertThat(run.stdout()).isEqualTo("==> web-a <==\none\n\n==> web-b <==\ntwo\n");
    }

    @Test
    void ports_deployment_podColumnFirst_eachPodsSocketsAsOnePodsAre() throws IOException {
        serve(Map.of("web-b", fixture("fds-docs-pod.bin"), "web-a", fixture("fds-docs-pod.bin")));

        CliRun run = cli("ports", "deploy/web", "--exec-container", "shell");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).matches("POD +PROTO +LOCAL +REMOTE +STATE +PID +CONTAINER +USER +COMMAND");
        int perPod = (lines.size() - 1) / 2;
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(" +")[0])
                .containsExactlyElementsOf(java.util.stream.Stream.of("web-a", "web-b")
                        .flatMap(p -> java.util.Collections.nCopies(perPod, p).stream()).toList());
        assertThat(lines.get(1)).matches("web-a +tcp +0\\.0\\.0\\.0:80 +0\\.0\\.0\\.0:\\* +LISTEN +6 .*"
                + " nginx: master process nginx -g daemon off;");
        assertThat(lines.get(1 + perPod).substring("web-b".length())).isEqualTo(lines.get(1).substring("web-a".length()));
    }

    @Test
    void ports_json_everySocketCarriesItsPodAndNamespace() throws IOException {
        serve(Map.of("web-a", fixture("fds-docs-pod.bin"), "web-b", fixture("fds-docs-pod.bin")));

        CliRun run = cli("ports", "-l", "app=web", "--exec-container", "shell", "-o", "json");

        assertThat(run.stdout()).startsWith("{\n    \"sockets\": [\n        {\n            \"pod\": \"web-a\",\n"
                + "            \"namespace\": \"" + NS + "\",\n            \"proto\": \"tcp\",");
        assertThat(run.stdout()).contains("\"pod\": \"web-b\",");
    }

    @Test
    void filesDeleted_onePodFails_itsLineOnStderr_exit3() throws IOException {
        serve(Map.of("web-a", fixture("fds-docs-pod.bin"), "web-b", new byte[0]));

        CliRun run = cli("files", "deploy/web", "--deleted", "--exec-container", "shell");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("POD   PID   CONTAINER   FD   TYPE   SIZE   TARGET\n");
        assertThat(run.stderr()).contains("error: pod web-b: reading /proc in container shell of pod web-b failed");
    }

    @Test
    void topOnce_eachPodsHeaderLines_thenOneTableWithAPodColumn() throws IOException {
        byte[] sample = concat(fixture("top-first.bin"), fixture("docs-pod.bin"));
        serve(Map.of("web-a", sample, "web-b", sample));

        CliRun run = cli("top", "deploy/web", "--once", "--exec-container", "shell", "--sort", "pid");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).filteredOn(l -> !l.startsWith("web-")).extracting(l -> l.replaceFirst(":.*", ""))
                .containsExactly("pod web-a, CPU over 399.1s in % of one core, %MEM of the node's memory (23.5Gi)",
                        "pod web-a, container (sandbox)", "pod web-a, container nginx", "pod web-a, container shell",
                        "pod web-b, CPU over 399.1s in % of one core, %MEM of the node's memory (23.5Gi)",
                        "pod web-b, container (sandbox)", "pod web-b, container nginx", "pod web-b, container shell",
                        "POD     PID   CONTAINER   USER    S   THR   %CPU   RSS    %MEM   TIME   COMMAND");
        assertThat(lines).filteredOn(l -> l.startsWith("web-")).extracting(l -> l.split(" +")[0] + " " + l.split(" +")[1])
                .containsExactly("web-a 1", "web-a 8", "web-a 14", "web-a 15", "web-a 16",
                        "web-b 1", "web-b 8", "web-b 14", "web-b 15", "web-b 16");
    }

    /** The deployment {@code web} (selector app=web) and one pod per entry, whose execs print the bytes given. */
    private void serve(Map<String, byte[]> execOutput) throws IOException {
        List<Pod> pods = (execOutput.isEmpty() ? List.of("web-a", "web-b") : execOutput.keySet().stream().sorted().toList())
                .stream().map(this::pod).toList();
        String deployment = JSON.asJson(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace(NS)
                .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector().endSpec()
                .build());
        String list = JSON.asJson(new PodListBuilder().withItems(pods).build());
        server = new ChannelTestServer(List.of("v5.channel.k8s.io", "v4.channel.k8s.io"), (method, path) -> {
            String name = path.replaceFirst("^" + PODS + "/([^/?]+).*", "$1");
            if (path.contains("/exec")) {
                byte[] out = execOutput.get(name);
                return Answer.upgrade(c -> {
                    c.send(1, out);
                    c.send(3, out.length == 0 ? "{\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":"
                            + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"1\"}]}}" : "{\"status\":\"Success\"}");
                    c.close();
                });
            }
            if (path.startsWith(DEPLOYMENT)) {
                return Answer.reply(200, deployment);
            }
            if (path.startsWith(PODS + "?")) {
                return Answer.reply(200, list);
            }
            return pods.stream().filter(p -> path.equals(PODS + "/" + p.getMetadata().getName())).findFirst()
                    .map(p -> Answer.reply(200, JSON.asJson(p)))
                    .orElse(Answer.reply(404, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":404}"));
        });
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }

    private Pod pod(String name) {
        try (InputStream in = getClass().getResourceAsStream("/proc/docs-pod.json")) {
            Pod docs = JSON.unmarshal(in, Pod.class);
            return new PodBuilder(docs).editMetadata().withName(name).addToLabels("app", "web").endMetadata().build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CliRun cli(String... args) {
        return CliRun.of(options -> new Fabric8Context(client, http), args);
    }

    private static byte[] file(String content) {
        return ("F/etc/x\0" + content).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ReplicasCommandTest.class.getResourceAsStream("/proc/" + name)) {
            return in.readAllBytes();
        }
    }
}
