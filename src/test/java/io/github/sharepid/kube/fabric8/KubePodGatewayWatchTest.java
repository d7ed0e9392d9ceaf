package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.event;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.terminated;
import static io.github.sharepid.kube.fabric8.PodFixtures.waiting;
import static io.github.sharepid.kube.fabric8.PodFixtures.watchPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.withInitContainers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** awaitRunning against the mock API server: the watch's pod states in, progress lines and verdicts out. */
class KubePodGatewayWatchTest extends GatewayHarness {
    private static final Duration LONG = Duration.ofSeconds(20);

    @Test
    void awaitRunning_reportsEachStageOnceAndReturnsTheRunningPod() {
        Pod created = state("1", "Pending", null);
        Pod creating = state("4", "Pending", "node-1", waiting("app", "ContainerCreating", null),
                waiting(DEBUG, "ContainerCreating", null));
        givenWatch("1",
                state("2", "Pending", "node-1"),
                withInitContainers(state("3", "Pending", "node-1"), List.of("setup", "migrate"),
                        terminated("setup", 0, "Completed"), running("migrate")),
                creating, creating,
                state("5", "Running", "node-1", running("app"), running(DEBUG)));

        Pod pod = gateway.awaitRunning(created, DEBUG, LONG, progress::add);

        assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("5");
        assertThat(progress).containsExactly("scheduled on node node-1", "init container 1/2: setup",
                "init container 2/2: migrate", "pulling image busybox:1.36", "container debug started");
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void awaitRunning_podAlreadyRunning_returnsWithoutWatching() {
        Pod created = state("7", "Running", "node-1", running("app"), running(DEBUG));

        Pod pod = gateway.awaitRunning(created, DEBUG, LONG, progress::add);

        assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(progress).containsExactly("scheduled on node node-1", "container debug started");
        assertThat(watches.opened).hasValue(0);
    }

    @Test
    void awaitRunning_appContainerCrashing_stillReturnsOnceDebugRuns() {
        Pod created = state("1", "Pending", "node-1");
        givenWatch("1", state("2", "Running", "node-1", waiting("app", "CrashLoopBackOff", "back-off 10s"),
                running(DEBUG)));

        assertThat(gateway.awaitRunning(created, DEBUG, LONG, progress::add).getMetadata().getResourceVersion())
                .isEqualTo("2");
    }

    @Test
    void awaitRunning_watchClosedByTheServer_continuesFromTheLastResourceVersion() {
        Pod created = state("1", "Pending", null);
        givenWatch("1", state("2", "Pending", "node-1"));
        givenWatch("2", state("3", "Running", "node-1", running("app"), running(DEBUG)));

        Pod pod = gateway.awaitRunning(created, DEBUG, LONG, progress::add);

        assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("3");
        assertThat(watches.opened).as("fabric8 reconnected by itself").hasValue(1);
    }

    @Test
    void awaitRunning_resourceVersionExpired_startsOverFromAFreshGet() {
        Pod created = state("1", "Pending", null);
        server.expect().get().withPath(podPath()).andReturn(200, state("9", "Pending", "node-1")).once();
        givenWatch("1", expired());
        givenWatch("9", state("10", "Running", "node-1", running("app"), running(DEBUG)));

        Pod pod = gateway.awaitRunning(created, DEBUG, LONG, progress::add);

        assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("10");
        assertThat(watches.opened).hasValue(2);
        assertThat(watches.closed).hasValue(2);
    }

    @Test
    void awaitRunning_watchFailsForGood_endsWithTheWatchError() {
        Pod created = state("1", "Pending", null);
        server.expect().withPath(watchPath("1")).andUpgradeToWebSocket().open()
                .waitFor(20).andEmit("{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Pod\",\"metadata\":[]}}")
                .done().once();

        assertThatThrownBy(() -> gateway.awaitRunning(created, DEBUG, LONG, progress::add))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("watching pod \"copy\" failed: ");
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void awaitRunning_podDeletedWhileWaiting_fails() {
        Pod created = state("1", "Pending", null);
        givenWatch("1", deleted(state("2", "Pending", null)));

        assertThatThrownBy(() -> gateway.awaitRunning(created, DEBUG, LONG, progress::add))
                .hasMessage("pod copy was deleted while waiting for it to start");
        assertThat(watches.closed).hasValue(1);
    }

    @Test
    void awaitRunning_timeout_failsWithTheLastStateAndEvents() {
        Pod created = state("1", "Pending", "node-1", waiting(DEBUG, "ContainerCreating", null));
        givenWatch("1", state("2", "Pending", "node-1", waiting(DEBUG, "ContainerCreating", null)));
        givenEvents(event("Pulling", "Pulling image \"busybox:1.36\"", "2024-05-01T10:00:01Z"));

        assertThatThrownBy(() -> gateway.awaitRunning(created, DEBUG, Duration.ofMillis(700), progress::add))
                .isInstanceOf(SharepidException.class)
                .hasMessage("pod copy not running after 700ms: Pending, container debug waiting: ContainerCreating"
                        + "; events: Pulling: Pulling image \"busybox:1.36\"");
        assertThat(watches.closed).hasValue(watches.opened.get());
    }

    @Test
    void awaitRunning_expiredAndThenMissing_failsAsDeleted() {
        givenWatch("1", expired());

        assertThatThrownBy(() -> gateway.awaitRunning(state("1", "Pending", null), DEBUG, LONG, progress::add))
                .hasMessage("pod copy was deleted while waiting for it to start");
    }

    @Test
    void awaitRunning_fromTheCreatedPod_watchesFromItsVersionWithoutAGet() throws InterruptedException {
        givenWatch("1", state("2", "Running", "node-1", running("app"), running(DEBUG)));

        gateway.awaitRunning(state("1", "Pending", null), DEBUG, LONG, progress::add);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getPath()).isEqualTo(watchPath("1"));
    }
}
