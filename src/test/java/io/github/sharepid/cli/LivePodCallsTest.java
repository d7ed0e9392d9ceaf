package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.kube.fabric8.ChannelTestServer;
import io.github.sharepid.kube.fabric8.ChannelTestServer.Answer;
import io.github.sharepid.kube.fabric8.Fabric8Context;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.github.sharepid.pod.CopyMarks;
import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.SignalScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live pod that shares costs what a copy costs, counted in HTTP requests on the wire (issue #17): ps,
 * signal -c --match and peek-root -c are one GET and one exec each, on the docs page's pod (containers
 * nginx and shell, shell adds SYS_PTRACE and has the tools) and on a copy of it. No exec goes to a container the
 * pod does not have (the test server answers one with 400 and counts it), and no separate probe is sent.
 */
@Timeout(60)
class LivePodCallsTest {
    private static final String NS = "fixtures-proc";
    private static final String COPY = "nginx-sharepid-abcde";

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
    void ps_liveAndCopy_oneGetAndOneExec() throws IOException {
        for (Pod pod : List.of(livePod(), copy())) {
            serve(pod, new byte[0]);

            CliRun run = cli("ps", name(pod));

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("nginx: master process");
            assertThat(server.requests()).as(name(pod)).containsExactlyInAnyOrder(get(pod), exec(pod));
            stop();
        }
    }

    @Test
    void peekRootOfAContainer_liveAndCopy_oneGetAndOneExec_thePidSentOnItsStdin() throws IOException {
        for (Pod pod : List.of(livePod(), copy())) {
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            serve(pod, "F/etc/hostname\0nginx\n".getBytes(StandardCharsets.UTF_8), lines);

            CliRun run = cli("peek-root", name(pod), "-c", "nginx", "/etc/hostname");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo("nginx\n");
            assertThat(server.requests()).as(name(pod)).containsExactlyInAnyOrder(get(pod), exec(pod));
            assertThat(lines).as("the PID of nginx's main process").singleElement().asString().matches("\\d+\n");
            stop();
        }
    }

    @Test
    void signalByMatch_liveAndCopy_oneGetAndOneExec_thePidSentOnItsStdin() throws IOException {
        for (Pod pod : List.of(livePod(), copy())) {
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            serve(pod, fixture("signal-dry.bin"), lines);

            CliRun run = cli("signal", name(pod), "-c", "nginx", "--match", "master", "--dry-run");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("nginx: master process");
            assertThat(server.requests()).as(name(pod)).containsExactlyInAnyOrder(get(pod), exec(pod));
            assertThat(lines).as("the master's PID and start time").singleElement().asString().matches("\\d+:\\d+\n");
            stop();
        }
    }

    private void serve(Pod pod, byte[] second) throws IOException {
        serve(pod, second, null);
    }

    /**
     * The first exec (in shell, or the copy's debug container) gets the docs pod's /proc, the second {@code second};
     * any other container 400. With {@code lines}, the first exec is signal's conversation: the listing, then
     * {@code second} once the client has sent a line on stdin (kept in {@code lines}).
     */
    private void serve(Pod pod, byte[] second, List<String> lines) throws IOException {
        String json = new KubernetesSerialization().asJson(pod);
        String tools = pod.getMetadata().getAnnotations() == null ? "shell"
                : pod.getMetadata().getAnnotations().getOrDefault(CopyMarks.DEBUG_CONTAINER_ANNOTATION, "shell");
        byte[] ps = fixture("docs-pod.bin");
        AtomicInteger execs = new AtomicInteger();
        server = new ChannelTestServer(List.of("v5.channel.k8s.io", "v4.channel.k8s.io"), (method, path) -> {
            if (path.contains("/exec") && path.contains("container=" + tools) && lines != null) {
                return Answer.upgrade(c -> {
                    c.send(1, ps);
                    c.send(1, PsScript.LISTED + ":0\0");
                    byte[] frame = c.receive();
                    assertThat(frame[0]).as("stdin's channel").isZero();
                    lines.add(new String(frame, 1, frame.length - 1, StandardCharsets.US_ASCII));
                    c.send(1, second);
                    c.send(3, "{\"status\":\"Success\"}");
                    c.close();
                });
            }
            if (path.contains("/exec") && path.contains("container=" + tools)) {
                byte[] stdout = execs.getAndIncrement() == 0 ? ps : second;
                return Answer.upgrade(c -> {
                    c.send(1, stdout);
                    c.send(3, "{\"status\":\"Success\"}");
                    c.close();
                });
            }
            if (path.equals(podPath(pod))) {
                return Answer.reply(200, json);
            }
            return Answer.reply(400, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":400}");
        });
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }

    private CliRun cli(String... args) {
        return CliRun.of(options -> new Fabric8Context(client, http), args);
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }

    private static String podPath(Pod pod) {
        return "/api/v1/namespaces/" + NS + "/pods/" + name(pod);
    }

    private static String get(Pod pod) {
        return "GET " + podPath(pod);
    }

    private static String exec(Pod pod) {
        return "GET " + podPath(pod) + "/exec";
    }

    /** The docs page's pod as a kubectl-sharepid copy of it: named like one, with its running debug container. */
    private static Pod copy() throws IOException {
        return new PodBuilder(livePod()).editMetadata().withName(COPY)
                .addToAnnotations(CopyMarks.DEBUG_CONTAINER_ANNOTATION, "sharepid").endMetadata()
                .editSpec().addNewContainer().withName("sharepid").withImage("busybox").endContainer().endSpec()
                .editStatus().addNewContainerStatus().withName("sharepid").withContainerID("containerd://" + "d".repeat(64))
                .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus().build();
    }

    private static Pod livePod() throws IOException {
        try (InputStream in = LivePodCallsTest.class.getResourceAsStream("/proc/docs-pod.json")) {
            return new KubernetesSerialization().unmarshal(in, Pod.class);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = LivePodCallsTest.class.getResourceAsStream("/proc/" + name)) {
            return in.readAllBytes();
        }
    }
}
