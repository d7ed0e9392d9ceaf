package io.github.sharepid.cli;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
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
import io.github.sharepid.pod.CopyMarks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ps, signal and peek-root send their first exec together with the GET of the pod, not after it: one
 * round trip, one GET and one exec upgrade. The test server answers the GET only once the exec has
 * arrived, so a command that waited for the pod first would stall here. An exec with side effects (signal
 * by PID) still waits for the pod's verdict, and a peek-root's bytes are held back until it.
 */
@Timeout(60)
class PodAndExecTogetherTest {
    private static final String NS = "fixtures-proc";
    private static final String POD_PATH = "/api/v1/namespaces/" + NS + "/pods/nginx";
    private static final String SUCCESS = "{\"status\":\"Success\"}";

    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();
    private final CountDownLatch execArrived = new CountDownLatch(1);
    private final AtomicBoolean getAnswered = new AtomicBoolean();
    private ChannelTestServer server;
    private KubernetesClient client;

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void ps_sendsTheExecWhileThePodIsRead_oneGetAndOneExec() throws IOException {
        Pod pod = fixturePod();
        serve(pod, true, fixture("docs-pod.bin"));

        CliRun run = cli("ps", "nginx", "--exec-container", "shell");

        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("nginx: master process").contains("(sandbox)");
        assertThat(server.requests()).containsExactlyInAnyOrder("GET " + POD_PATH, "GET " + POD_PATH + "/exec");
    }

    @Test
    void ps_ofACopyWithAnotherDebugContainer_execsAgainInThatOne() throws IOException {
        Pod copy = new PodBuilder(fixturePod()).editMetadata()
                .addToAnnotations(CopyMarks.DEBUG_CONTAINER_ANNOTATION, "shell").endMetadata().build();
        serve(copy, false, fixture("docs-pod.bin"));

        CliRun run = cli("ps", "nginx");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("nginx: master process");
        assertThat(server.upgrades()).extracting(u -> u.path().replaceFirst(".*container=([a-z]+).*", "$1"))
                .containsExactly("shell");
    }

    @Test
    void peekRoot_ofAPodThatDoesNotShare_printsNothingOfWhatTheEarlyExecRead() throws IOException {
        Pod unshared = new PodBuilder(fixturePod()).editSpec().withShareProcessNamespace(false).endSpec().build();
        serve(unshared, true, "F/etc/secret\0top secret".getBytes(StandardCharsets.UTF_8));

        CliRun run = cli("peek-root", "nginx", "8", "/etc/secret", "--exec-container", "shell");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("error: pod nginx in namespace " + NS + " does not share its process namespace");
    }

    @Test
    void signal_byPid_waitsForThePodBeforeSending() throws IOException {
        serve(fixturePod(), false, fixture("signal-dry.bin"));

        CliRun run = cli("signal", "nginx", "8", "--signal", "HUP", "--dry-run", "--exec-container", "shell");

        assertThat(run.exitCode()).isZero();
        assertThat(server.requests()).containsExactly("GET " + POD_PATH, "GET " + POD_PATH + "/exec");
    }

    /**
     * {@code holdGet}: answer the GET only once an exec has arrived (up to 10 s); the exec sessions check
     * the GET has not been answered yet when it did.
     */
    private void serve(Pod pod, boolean holdGet, byte[] stdout) throws IOException {
        String json = new KubernetesSerialization().asJson(pod);
        server = new ChannelTestServer(List.of("v5.channel.k8s.io", "v4.channel.k8s.io"), (method, path) -> {
            if (path.contains("/exec") && path.contains("container=shell")) {
                boolean early = !getAnswered.get();
                execArrived.countDown();
                return Answer.upgrade(c -> {
                    assertThat(early).as("the exec arrived before the pod was answered").isEqualTo(holdGet);
                    c.send(1, stdout);
                    c.send(3, SUCCESS);
                    c.close();
                });
            }
            if (path.equals(POD_PATH)) {
                await(holdGet);
                getAnswered.set(true);
                return Answer.reply(200, json);
            }
            return Answer.reply(400, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":400}");
        });
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }

    private void await(boolean holdGet) {
        try {
            if (holdGet) {
                execArrived.await(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CliRun cli(String... args) {
        return CliRun.of(options -> new Fabric8Context(client, http), args);
    }

    private static Pod fixturePod() throws IOException {
        try (InputStream in = PodAndExecTogetherTest.class.getResourceAsStream("/proc/docs-pod.json")) {
            return new KubernetesSerialization().unmarshal(in, Pod.class);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PodAndExecTogetherTest.class.getResourceAsStream("/proc/" + name)) {
            return in.readAllBytes();
        }
    }
}
