package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.github.sharepid.kube.Exec;
import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.internal.WebSocketMessage;
import io.github.sharepid.failure.SharepidException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exec over the mock server's websocket (v4: the mock server knows v1-v4 and picks v4 from our v5, v4
 * offer): streams, the status channel, stdin alongside the output, exec that cannot start, and no request
 * before the upgrade.
 * The v5 side is {@link ChannelProtocolTest}.
 */
@EnableKubernetesMockClient
@Timeout(30)
class Fabric8ExecutorTest {
    private static final String SUCCESS = "{\"status\":\"Success\"}";
    private static final String EXIT_3 = "{\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":"
            + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}";
    private static final List<String> ARGV = List.of("sh", "-c", "echo \"$HOME\"");
    private static final String EXEC = podPath() + "/exec?command=sh&command=-c&command=echo%20%22%24HOME%22"
            + "&container=debug&stdout=true&stderr=true";
    private static final String TAIL = podPath() + "/exec?command=tail&container=debug&stdin=true&stdout=true&stderr=true";

    KubernetesMockServer server;
    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();
    private KubernetesClient client;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void negotiatingClient() {
        client = server.createClient(http);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void exec_streamsStdoutAndStderrAndReturnsZeroOnSuccess() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("line 1\n", 10))
                .immediately().andEmit(err("warning\n", 20))
                .immediately().andEmit(out("line 2\n", 30))
                .immediately().andEmit(status(SUCCESS, 40))
                .done().once();

        int code = exec(ARGV, null);

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("warning\n");
    }

    @Test
    void exec_nonZeroExitOnTheStatusChannel_isReturned() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(err("ps: bad option\n", 10))
                .immediately().andEmit(status(EXIT_3, 20)).done().once();

        assertThat(exec(ARGV, null)).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("ps: bad option\n");
    }

    @Test
    void exec_connectionClosedWithoutStatus_isAFailureNotSuccess() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("partial", 10)).done().once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("exec in copy/debug ended without an exit status (connection lost?)");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("partial");
    }

    @Test
    void exec_failureStatusWithoutExitCode_reportsTheServersMessage() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open().immediately().andEmit(status(
                "{\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\"executable file not found\"}",
                10))
                .done().once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .hasMessage("exec in copy/debug failed: executable file not found");
    }

    @Test
    void exec_withStdin_sendsItOnChannelZero() {
        server.expect().withPath(podPath() + "/exec?command=cat&container=debug&stdin=true&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open()
                .expect("\u0000hello\n").andEmit(out("hello\n", 0)).once()
                .expectSentWebSocketMessage("\u0001hello\n").andEmit(status(SUCCESS, 0)).once()
                .done().once();

        int code = exec(List.of("cat"), "hello\n");

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    /** peek-root --follow keeps the remote stdin open with a stdin that ends only after the exec. */
    @Test
    void exec_stdinThatNeverEnds_endsWithTheCommandAndItsExitCode() {
        server.expect().withPath(TAIL).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("new line\n", 50))
                .immediately().andEmit(status(SUCCESS, 300))
                .done().once();
        CountDownLatch released = new CountDownLatch(1);
        InputStream endless = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };

        int code = new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, List.of("tail"), endless, stdout,
                new ByteArrayOutputStream());
        released.countDown();

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("new line\n");
    }

    @Test
    void exec_stdinThatCannotBeRead_failsNamingIt() {
        server.expect().withPath(TAIL).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("waiting\n", 5000))
                .done().once();
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };

        assertThatThrownBy(() -> new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, List.of("tail"), broken,
                stdout, new ByteArrayOutputStream()))
                .hasMessage("exec in copy/debug: cannot send stdin: Input/output error");
    }

    @Test
    void exec_slowReader_getsEveryFrameInOrderBeforeTheExitCode() {
        var emitting = server.expect().withPath(EXEC).andUpgradeToWebSocket().open().immediately()
                .andEmit(out("frame-0;", 5));
        for (int i = 1; i < 20; i++) {
            emitting = emitting.immediately().andEmit(out("frame-" + i + ";", 5 + i));
        }
        emitting.immediately().andEmit(status(EXIT_3, 30)).done().once();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sleep(20);
                stdout.write(b, off, len);
            }
        };

        int code = new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, ARGV, null, slow, stderr);

        assertThat(code).isEqualTo(3);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("",
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "frame-" + i + ";").toList()));
    }

    @Test
    void exec_readerGoneAway_closesTheSessionAndFails() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("one", 10))
                .expect("stdin the client never sends").andEmit(status(SUCCESS, 0)).once().done().once();
        // the session stays open with no status and no close (it waits for a message that never comes): only a
        // session ended at the failed write returns before the class's 30 s timeout. (A status scheduled after
        // that timeout, as before, kept the mock server's teardown waiting a minute for its session.)
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        assertThatThrownBy(() -> new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, ARGV, null, closedPipe,
                stderr))
                .hasMessage("writing the output of exec in copy/debug failed: Broken pipe");
    }

    @Test
    void exec_serverSilentLongerThanTheRequestTimeout_fails() {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(out("started", 10))
                .immediately().andEmit(status(SUCCESS, 2000)).done().once();

        assertThatThrownBy(() -> new Fabric8Executor(client, http, Duration.ofMillis(300))
                .exec(NS, NAME, DEBUG, ARGV, null, stdout, stderr))
                .hasMessage("exec in copy/debug: no data from the server for 300ms (--request-timeout)");
    }

    @Test
    void exec_forbiddenGetOnPodsExec_quotesTheServersStatus_andSaysWhatToGrant() {
        String said = "pods \"copy\" is forbidden: User \"system:serviceaccount:ns:exec-create\" cannot get"
                + " resource \"pods/exec\" in API group \"\" in the namespace \"ns\"";
        server.expect().withPath(EXEC).andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403)
                .withReason("Forbidden").withMessage(said).withNewDetails().withName("copy").withKind("pods")
                .endDetails().build()).once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("forbidden: " + said + "; grant get and create on pods/exec and pods/attach: a websocket"
                        + " exec is an HTTP GET, authorized as get (from Kubernetes 1.35 also as create); kubectl may"
                        + " work with create alone because against servers before 1.30 it falls back to SPDY, a POST,"
                        + " authorized as create");
    }

    @Test
    void exec_forbiddenCreateOnPodsExec_quotesTheServer_andSaysToGrantBoth() {
        String said = "pods \"copy\" is forbidden: User \"jane\" cannot create resource \"pods/exec\" in API group"
                + " \"\" in the namespace \"ns\"";
        server.expect().withPath(EXEC).andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403)
                .withReason("Forbidden").withMessage(said).build()).once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .hasMessage("forbidden: " + said + "; grant get and create on pods/exec and pods/attach: a websocket"
                        + " exec is an HTTP GET, authorized as get (from Kubernetes 1.35 also as create)");
    }

    @Test
    void exec_forbiddenWithoutAStatus_saysSoWithoutGuessingTheVerb() {
        server.expect().withPath(EXEC).andReturn(403, "forbidden").once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("forbidden: the API server refused to exec in copy/debug (HTTP 403 without a reason); a"
                        + " websocket exec or attach needs get and create on pods/exec or pods/attach");
    }

    @Test
    void exec_containerNotRunning_saysSoWithItsState() {
        givenPod(state("1", "Running", "n", running("app"), terminated(DEBUG, 1, "Error")));
        server.expect().withPath(EXEC).andReturn(400, "bad request").once();

        assertThatThrownBy(() -> exec(ARGV, null))
                .hasMessage("cannot exec in copy/debug: container debug is not running"
                        + " (Running, container debug terminated with exit code 1)");
    }

    @Test
    void exec_unknownContainer_namesIt() {
        givenPod(state("1", "Running", "n", running(DEBUG)));

        assertThatThrownBy(() -> new Fabric8Executor(client, http, null).exec(NS, NAME, "nope", ARGV, null, stdout, stderr))
                .hasMessage("cannot exec in copy/nope: container \"nope\" not found in pod copy");
    }

    @Test
    void exec_missingPod_namesPodAndNamespace() {
        assertThatThrownBy(() -> exec(ARGV, null))
                .hasMessage("cannot exec in copy/debug: pod \"copy\" not found in namespace \"ns\"");
    }

    @Test
    void exec_makesNoRequestBeforeTheUpgrade() throws InterruptedException {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(status(SUCCESS, 10)).done().once();
        int before = server.getRequestCount();

        exec(ARGV, null);

        assertThat(server.getRequestCount() - before).isEqualTo(1);
        assertThat(server.getLastRequest().getPath()).isEqualTo(EXEC);
    }

    @Test
    void negotiation_aServerWithoutV5_getsV4() throws Exception {
        server.expect().withPath(EXEC).andUpgradeToWebSocket().open()
                .immediately().andEmit(status(SUCCESS, 10)).done().once();
        ChannelDialer dialer = new ChannelDialer(client, http);
        ChannelSocket socket = new ChannelSocket(stdout, stderr, false);

        dialer.open(dialer.execUri(NS, NAME, DEBUG, ARGV, false, false), socket);
        socket.close();

        assertThat(socket.protocol()).isEqualTo(StreamProtocol.V4);
    }

    private int exec(List<String> argv, String stdin) {
        return new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, argv,
                stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout, stderr);
    }

    /** The pod as the failure diagnosis reads it (a refused upgrade says nothing of why). */
    private void givenPod(Pod pod) {
        server.expect().get().withPath(podPath()).andReturn(200, pod).always();
    }

    /** A v4.channel.k8s.io frame: channel byte, then the text, sent {@code delayMillis} after the upgrade. */
    private static WebSocketMessage frame(int channel, String text, long delayMillis) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(body, 0, frame, 1, body.length);
        return new WebSocketMessage(delayMillis, frame, true, true);
    }

    private static WebSocketMessage out(String text, long delayMillis) {
        return frame(1, text, delayMillis);
    }

    private static WebSocketMessage err(String text, long delayMillis) {
        return frame(2, text, delayMillis);
    }

    private static WebSocketMessage status(String json, long delayMillis) {
        return frame(3, json, delayMillis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
