package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.github.sharepid.kube.Attach;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.sharepid.failure.SharepidException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both channel protocols against {@link ChannelTestServer}, which can choose v5 (the fabric8 mock server
 * cannot): what is offered, which protocol is spoken, v5's stdin close frame, the status channel, a
 * connection that ends without a status, resize frames, and a piped attach that ends by itself on v5.
 */
@Timeout(30)
class ChannelProtocolTest {
    private static final String V5 = "v5.channel.k8s.io";
    private static final String V4 = "v4.channel.k8s.io";
    private static final String SUCCESS = "{\"status\":\"Success\"}";
    private static final String EXIT_3 = "{\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":"
            + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}";

    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private ChannelTestServer server;
    private KubernetesClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        server.close();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void exec_offersV5ThenV4_andOnV5ClosesStdinSoTheCommandEnds() throws IOException {
        serve(List.of(V5, V4), c -> {
            assertThat(c.receive()).isEqualTo(frame(0, "hello\n"));
            assertThat(c.receive()).isEqualTo(new byte[] {(byte) 255, 0});
            c.send(1, "hello\n");
            c.send(3, SUCCESS);
            c.close();
        });

        int code = exec(List.of("cat"), "hello\n");

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(server.upgrades()).containsExactly(new ChannelTestServer.Upgrade(
                "/api/v1/namespaces/ns/pods/copy/exec?command=cat&container=debug&stdin=true&stdout=true&stderr=true",
                V5 + ", " + V4, V5));
    }

    @Test
    void exec_onAV4Server_sendsStdinButNoCloseFrame() throws IOException {
        serve(List.of(V4), c -> {
            assertThat(c.receive()).isEqualTo(frame(0, "hello\n"));
            c.send(3, SUCCESS);
            c.close();
            assertThatThrownBy(c::receive).hasMessage("the client closed the connection");
        });

        assertThat(exec(List.of("cat"), "hello\n")).isZero();
        assertThat(server.upgrades()).extracting(ChannelTestServer.Upgrade::chosen).containsExactly(V4);
    }

    @Test
    void exec_nonZeroExitCodeOnV5_isReturned() throws IOException {
        serve(List.of(V5), c -> {
            c.send(2, "no such file\n");
            c.send(3, EXIT_3);
            c.close();
        });

        assertThat(exec(List.of("ls", "/nope"), null)).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("no such file\n");
    }

    @Test
    void exec_failureStatusOnV5_reportsTheServersMessage() throws IOException {
        serve(List.of(V5), c -> {
            c.send(3, "{\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\"executable file not found\"}");
            c.close();
        });

        assertThatThrownBy(() -> exec(List.of("nope"), null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("exec in copy/debug failed: executable file not found");
    }

    @Test
    void exec_closedWithoutStatusOnV5_isAFailureNotSuccess() throws IOException {
        serve(List.of(V5), c -> {
            c.send(1, "partial");
            c.close();
        });

        assertThatThrownBy(() -> exec(List.of("cat"), null))
                .hasMessage("exec in copy/debug ended without an exit status (connection lost?)");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("partial");
    }

    /**
     * The drop comes while the client waits: the JDK's plain-text websocket loses an end-of-file that
     * arrives while a frame is being handled (an InternalError or no signal at all), a JDK bug outside
     * this code; over TLS the same drop is an SSLException, which it always reports.
     */
    @Test
    void exec_connectionDroppedWithoutClose_saysTheConnectionWasLost() throws IOException {
        serve(List.of(V5), c -> {
            c.send(1, "partial");
            pause(300);
        });

        assertThatThrownBy(() -> exec(List.of("cat"), null))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("exec in copy/debug: the connection to the API server was lost (");
    }

    @Test
    void resize_sendsWidthAndHeightOnChannel4() throws Exception {
        serve(List.of(V5, V4), c -> {
            assertThat(new String(c.receive(), StandardCharsets.US_ASCII))
                    .isEqualTo("\u0004{\"Width\":120,\"Height\":40}");
            c.send(3, SUCCESS);
            c.close();
        });
        ChannelDialer dialer = new ChannelDialer(client, http);
        ChannelSocket socket = new ChannelSocket(stdout, null, true);

        dialer.open(dialer.attachUri(NS, NAME, DEBUG, true), socket);
        socket.input().resize(120, 40);
        socket.ended().join();

        assertThat(socket.status()).isEqualTo(SUCCESS.getBytes(StandardCharsets.UTF_8));
        assertThat(server.upgrades().get(0).path())
                .isEqualTo("/api/v1/namespaces/ns/pods/copy/attach?container=debug&stdin=true&stdout=true&tty=true");
    }

    @Test
    void attach_pipedOnV5_closesStdinAndEndsWhenTheShellDoes_withoutTheV4Wait() throws IOException {
        serve(List.of(V5, V4), c -> {
            assertThat(c.receive()).isEqualTo(frame(0, "ps\nexit\n"));
            assertThat(c.receive()).isEqualTo(new byte[] {(byte) 255, 0});
            c.send(1, "PID   USER\n");
            c.send(3, SUCCESS);
            c.close();
        });

        Attach.Ending ending = new Fabric8Attacher(client, http).attach(NS, NAME, DEBUG, false,
                new ByteArrayInputStream("ps\nexit\n".getBytes(StandardCharsets.UTF_8)), stdout, stderr);

        // The v4 way would wait without sending the close frame the session waits for (its failure is
        // checked once the server has joined it), then read the container's log: no log request.
        assertThat(ending).isEqualTo(Attach.Ending.REMOTE_CLOSED);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("PID   USER\n");
        assertThat(server.requests()).as("no read of the container log").noneMatch(r -> r.endsWith("/log"))
                .contains("GET /api/v1/namespaces/ns/pods/copy/attach");
    }

    private void serve(List<String> supported, ChannelTestServer.Session session) throws IOException {
        server = new ChannelTestServer(supported, session);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }

    private int exec(List<String> argv, String stdin) {
        return new Fabric8Executor(client, http, null).exec(NS, NAME, DEBUG, argv,
                stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout, stderr);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] frame(int channel, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(body, 0, frame, 1, body.length);
        return frame;
    }
}
