package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.eventsPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static io.github.sharepid.kube.fabric8.PodFixtures.watchPath;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The one harness of the {@code KubePodGateway*Test} classes (API tier): fabric8's mock API server and its client
 * (expectations mode; a subclass that wants CRUD mode says {@code @EnableKubernetesMockClient(crud = true)}, which
 * the extension reads from the test class first), a {@link KubePodGateway} whose watches a {@link WatchSpy} counts,
 * a list for the progress lines, and the expectations the tests share: the copy's GET, its watch, its events, a
 * Status body. The pods themselves come from {@link PodFixtures}.
 */
@EnableKubernetesMockClient
// a bound for a hang (a watch that never closes), not for speed: under two busy cores one mock-server test
// (server, client, first request) took 39 s, so 30 s failed tests that were merely slow
@Timeout(120)
abstract class GatewayHarness {
    KubernetesMockServer server;
    KubernetesClient client;
    WatchSpy watches;
    KubePodGateway gateway;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    final void gateway() {
        watches = new WatchSpy(client);
        gateway = new KubePodGateway(client, watches);
    }

    /** Every GET of the copy answers {@code pod}. */
    final void givenGet(Pod pod) {
        server.expect().get().withPath(podPath()).andReturn(200, pod).always();
    }

    /** One watch of the copy from {@code fromVersion}, emitting {@code states} as MODIFIED, 20 ms apart. */
    final void givenWatch(String fromVersion, Pod... states) {
        givenWatch(fromVersion, Arrays.stream(states).map(PodFixtures::modified).toArray(WatchEvent[]::new));
    }

    /** One watch of the copy from {@code fromVersion}, emitting {@code events} 20 ms apart, then closed. */
    final void givenWatch(String fromVersion, WatchEvent... events) {
        var emitting = server.expect().withPath(watchPath(fromVersion)).andUpgradeToWebSocket().open()
                .waitFor(20).andEmit(events[0]);
        for (int i = 1; i < events.length; i++) {
            emitting = emitting.waitFor(20L * (i + 1)).andEmit(events[i]);
        }
        emitting.done().once();
    }

    /** Every events list of the copy answers {@code events}. */
    final void givenEvents(Event... events) {
        server.expect().get().withPath(eventsPath()).andReturn(200, new EventListBuilder().withItems(events).build())
                .always();
    }

    /** What a watch says when its resourceVersion is too old: an ERROR event with a 410 Status. */
    static WatchEvent expired() {
        return new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                .withMessage("too old resource version: 1 (9)").build(), "ERROR");
    }

    /** A Status body as the API server sends it with {@code code}. */
    static Status status(int code, String reason, String message) {
        return new StatusBuilder().withCode(code).withStatus(code < 400 ? "Success" : "Failure").withReason(reason)
                .withMessage(message).build();
    }

    /** The requests the server received so far, in order (taken off its queue). */
    final List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            all.add(server.takeRequest());
        }
        return all;
    }

    /** The watch event of the copy's deletion. */
    static WatchEvent deleted(Pod pod) {
        return new WatchEvent(pod, "DELETED");
    }
}
