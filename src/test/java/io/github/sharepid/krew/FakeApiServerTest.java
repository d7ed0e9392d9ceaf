package io.github.sharepid.krew;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import io.github.sharepid.kube.fabric8.Fabric8Executor;
import io.github.sharepid.kube.fabric8.KubePodGateway;
import io.github.sharepid.proc.Fixtures;
import io.github.sharepid.proc.PeekScript;
import io.github.sharepid.proc.PsScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * krew/fake-apiserver.py, which the smoke test runs every executable against, speaks the protocols the
 * way our client and a real API server do: exec over the channel protocol (v5 when offered first, else
 * v4; stdout, stderr and the status frame), driven here by our own Fabric8Executor and by a bare
 * websocket, and a pod watch that turns a created copy Running. So the fake cannot drift from the
 * client while nobody runs the smoke test. Skipped without python3 (.ci/run installs it).
 */
@Timeout(60)
class FakeApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Process server;
    private static int port;
    private static final ChannelHttpClientFactory HTTP = new ChannelHttpClientFactory();
    private static KubernetesClient client;

    @BeforeAll
    static void startTheFake() throws IOException, InterruptedException {
        String python = FakeApiServerProcess.python();
        if ("true".equals(System.getenv("CI"))) {
            // a skip under CI would hide the check, as for the kernel-script tests: .ci/run requires python3
            assertThat(python).as("python3 (CI=true: .ci/run requires it)").isNotNull();
        }
        assumeTrue(python != null, "needs python3 for krew/fake-apiserver.py");
        Path portFile = dir.resolve("port");
        server = new ProcessBuilder(python, "krew/fake-apiserver.py", portFile.toString())
                .redirectError(dir.resolve("server.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(portFile); i++) {
            Thread.sleep(100);
        }
        assertThat(portFile).as(Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log"))
                : "no log").exists();
        port = Integer.parseInt(Files.readString(portFile).strip());
        Config config = Config.empty();
        config.setMasterUrl("http://127.0.0.1:" + port);
        config.setNamespace("default");
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(HTTP).build();
    }

    @AfterAll
    static void stopTheFake() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void psThroughOurExecutor_returnsTheProcCaptureAndExitCode0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Fabric8Executor(client, HTTP).exec("fixtures-proc", "nginx", "shell", PsScript.argv(), null, out, err);

        assertThat(code).isZero();
        assertThat(out.toByteArray()).isEqualTo(Fixtures.bytes("docs-pod.bin"));
        assertThat(err.size()).isZero();
    }

    @Test
    void peekOfAMissingFileThroughOurExecutor_passesStderrAndTheExitCodeFromTheStatusFrame() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Fabric8Executor(client, HTTP).exec("fixtures-proc", "nginx", "shell",
                PeekScript.argv(8, "/missing", false), null, out, err);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cat: can't open '/proc/8/root/missing': No such file or directory\n");
    }

    @Test
    void exec_offeringV5ThenV4_getsV5_withOneChannelBytePerFrame_andAStatus() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("v5.channel.k8s.io", "v4.channel.k8s.io")
                .buildAsync(execUri(PeekScript.argv(8, "/etc/hostname", false)), frames).get(10, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 255, 0}), true); // v5: the client closes its stdin

        frames.closed.get(10, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("v5.channel.k8s.io");
        assertThat(frames.channel(1)).isEqualTo("F/etc/hostname\0nginx\n");
        assertThat(JSON.readTree(frames.channel(3)).path("status").asText()).isEqualTo("Success");
    }

    @Test
    void exec_offeringV4Only_getsV4_andAFailureStatusWithTheExitCode() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("v4.channel.k8s.io")
                .buildAsync(execUri(PeekScript.argv(99, "/etc", false)), frames).get(10, TimeUnit.SECONDS);

        frames.closed.get(10, TimeUnit.SECONDS);
        JsonNode status = JSON.readTree(frames.channel(3));
        assertThat(ws.getSubprotocol()).isEqualTo("v4.channel.k8s.io");
        assertThat(frames.channel(2)).isEqualTo("sharepid: no such process\n");
        assertThat(status.path("status").asText()).isEqualTo("Failure");
        assertThat(status.path("reason").asText()).isEqualTo("NonZeroExitCode");
        assertThat(status.at("/details/causes/0").toString()).isEqualTo("{\"reason\":\"ExitCode\",\"message\":\"3\"}");
    }

    @Test
    void aCreatedCopy_turnsRunningOnItsWatch() {
        KubePodGateway pods = new KubePodGateway(client);
        Pod copy = new PodBuilder().withNewMetadata().withName("web-sharepid-watch").withNamespace("default")
                .endMetadata().withNewSpec().withShareProcessNamespace(true)
                .addNewContainer().withName("sharepid").withImage("busybox").endContainer().endSpec().build();
        Pod created = pods.create(copy);

        Pod running = pods.awaitRunning(created, "sharepid", Duration.ofSeconds(20), s -> { });

        assertThat(running.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pods.delete("default", "web-sharepid-watch", 0L)).isTrue();
    }

    private static URI execUri(List<String> argv) {
        String command = argv.stream().map(a -> "command=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create("ws://127.0.0.1:" + port + "/api/v1/namespaces/fixtures-proc/pods/nginx/exec?" + command
                + "&container=shell&stdout=true&stderr=true");
    }

    /** The binary frames of one exec session, by channel, until the server closes. */
    private static final class Frames implements WebSocket.Listener {
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private final ByteArrayOutputStream[] channels = new ByteArrayOutputStream[256];
        final CompletableFuture<Void> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            message.writeBytes(bytes);
            if (last) {
                byte[] frame = message.toByteArray();
                message.reset();
                int channel = frame[0] & 0xff;
                if (channels[channel] == null) {
                    channels[channel] = new ByteArrayOutputStream();
                }
                channels[channel].write(frame, 1, frame.length - 1);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        String channel(int n) {
            return channels[n] == null ? "" : channels[n].toString(StandardCharsets.UTF_8);
        }
    }
}
