package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session we closed (idle timeout, interrupt, the caller is done) writes nothing more into the caller's
 * streams, whatever the server still sends: with several execs sharing stdout, a failed pod's late bytes
 * would otherwise land in the middle of another pod's output.
 */
@Timeout(30)
class ChannelSocketClosedTest {
    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();

    @Test
    void afterClose_laterFramesAreDropped_andTheServersCloseStillEndsTheSession() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                firstWritten.countDown();
            }
        };
        try (ChannelTestServer server = new ChannelTestServer(List.of("v4.channel.k8s.io"), c -> {
            c.send(1, "first\n");
            assertThatThrownBy(c::receive).hasMessage("the client closed the connection");
            c.send(1, "late output of a session already reported\n");
            c.send(2, "late error\n");
            c.send(3, "{\"status\":\"Success\"}");
            c.close();
        }); KubernetesClient client = client(server)) {
            ChannelDialer dialer = new ChannelDialer(client, http);
            ChannelSocket socket = new ChannelSocket(stdout, seen, false);
            dialer.open(dialer.execUri(NS, NAME, DEBUG, List.of("cat"), false, false), socket);
            assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();

            socket.close();
            ChannelSocket.Ending ending = socket.ended().get(10, TimeUnit.SECONDS);

            assertThat(ending.code()).isEqualTo(1000);
            assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("first\n");
            assertThat(seen.size()).isZero();
            assertThat(socket.statusSeen()).isFalse();
            server.close();
            assertThat(server.failures()).isEmpty();
        }
    }

    private KubernetesClient client(ChannelTestServer server) {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }
}
