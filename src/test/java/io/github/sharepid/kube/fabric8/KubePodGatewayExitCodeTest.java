package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** awaitExitCode: the debug container's exit code once it terminates, null when time runs out or the pod goes. */
class KubePodGatewayExitCodeTest extends GatewayHarness {
    private static final Duration LONG = Duration.ofSeconds(20);

    @Test
    void containerTerminates_returnsItsExitCode() {
        givenGet(state("1", "Running", "n", running("app"), running(DEBUG)));
        givenWatch("1", state("2", "Running", "n", running("app"), terminated(DEBUG, 42, "Error")));

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
        givenWatch("1", restarted);

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isEqualTo(3);
    }

    @Test
    void stillRunningAtTheTimeout_returnsNull() {
        givenGet(state("1", "Running", "n", running(DEBUG)));
        givenWatch("1", state("2", "Running", "n", running(DEBUG)));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, Duration.ofMillis(400))).isNull();
        assertThat(watches.closed).hasValue(watches.opened.get());
    }

    @Test
    void podDeletedWhileWatched_returnsNull() {
        givenGet(state("1", "Running", "n", running(DEBUG)));
        givenWatch("1", deleted(state("2", "Running", "n", running(DEBUG))));

        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isNull();
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void podMissing_returnsNull() {
        assertThat(gateway.awaitExitCode(NS, NAME, DEBUG, LONG)).isNull();
    }
}
