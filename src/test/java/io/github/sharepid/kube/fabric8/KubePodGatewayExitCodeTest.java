package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.modified;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.terminated;
import static io.github.sharepid.kube.fabric8.PodFixtures.watchPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** awaitExitCode: the debug container's exit code once it terminates, null when time runs out or the pod goes. */
@EnableKubernetesMockClient
@Timeout(30)
class KubePodGatewayExitCodeTest {
    private static final Duration LONG = Duration.ofSeconds(20);

    KubernetesMockServer server;
    KubernetesClient client;
    private WatchSpy watches;
    private KubePodGateway gateway;

    @BeforeEach
    void gateway() {
        watches = new WatchSpy(client);
        gateway = new KubePodGateway(client, watches);
    }

    @Test
    void containerTerminates_returnsItsExitCode() {
        givenGet(state("1", "Running", "n", running("app"), running(DEBUG)));
        givenWatch(modified(state("2", "Running", "n", running("app"), terminated(DEBUG, 42, "Error"))));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isEqualTo(42);
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void containerAlreadyTerminated_returnsWithoutWatching() {
        givenGet(state("1", "Running", "n", running("app"), terminated(DEBUG, 0, "Completed")));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isZero();
        assertThat(watches.opened).hasValue(0);
    }

    @Test
    void containerRestartedBeforeWeSawItStop_returnsTheLastStatesExitCode() {
        givenGet(state("1", "Running", "n", running(DEBUG)));
        Pod restarted = state("2", "Running", "n", new ContainerStatusBuilder(running(DEBUG)).withRestartCount(1)
                .withNewLastState().withNewTerminated().withExitCode(3).endTerminated().endLastState().build());
        givenWatch(modified(restarted));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isEqualTo(3);
    }

    @Test
    void stillRunningAtTheTimeout_returnsNull() {
        givenGet(state("1", "Running", "n", running(DEBUG)));
        givenWatch(modified(state("2", "Running", "n", running(DEBUG))));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, Duration.ofMillis(400))).isNull();
        assertThat(watches.closed).hasValue(watches.opened.get());
    }

    @Test
    void podDeletedWhileWatched_returnsNull() {
        givenGet(state("1", "Running", "n", running(DEBUG)));
        givenWatch(new WatchEvent(state("2", "Running", "n", running(DEBUG)), "DELETED"));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isNull();
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void podMissing_returnsNull() {
        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isNull();
    }

    private void givenGet(Pod pod) {
        server.expect().get().withPath(podPath()).andReturn(200, pod).always();
    }

    private void givenWatch(WatchEvent event) {
        server.expect().withPath(watchPath("1")).andUpgradeToWebSocket().open().waitFor(20).andEmit(event)
                .done().once();
    }
}
