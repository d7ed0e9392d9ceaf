package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.DEBUG;
import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.sharepid.failure.SharepidException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every call {@link KubePodGateway} makes, once, against a mock API server in CRUD mode: what the commands
 * send to and read from a cluster through fabric8 (pods got, created, dry-run, listed, watched and deleted;
 * namespaces, events and claims read; the Status of a 404 and a 409). For tests that look at what fabric8
 * does on the way (JacksonCoverageTest records what Jackson touches).
 */
public final class GatewayTraffic {
    private GatewayTraffic() {
    }

    /** Runs the calls with {@code client}, whose mock server must be in CRUD mode and empty. */
    public static void drive(KubernetesClient client) {
        KubePodGateway gateway = new KubePodGateway(client);
        KubeLookups lookups = new KubeLookups(client);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
                .addToLabels("pod-security.kubernetes.io/enforce", "baseline").endMetadata().build()).create();
        client.persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").endSpec().build()).create();
        client.v1().events().inNamespace(NS).resource(PodFixtures.event("Pulling", "pulling busybox",
                "2024-05-01T10:00:00Z")).create();

        lookups.namespaceLabels(NS);
        lookups.namespaceNames();
        lookups.readWriteOnceClaims(NS, List.of("data", "missing"));
        gateway.dryRunCreate(new PodBuilder(PodFixtures.copy()).editMetadata().withName("dry").endMetadata().build());
        gateway.create(PodFixtures.state(null, "Pending", null));
        expectFailure(() -> gateway.create(PodFixtures.copy()));
        expectFailure(() -> gateway.get(NS, "ghost"));
        gateway.get(NS, NAME);
        lookups.podNames(NS);
        gateway.listManaged(NS);
        gateway.listManaged(null);
        gateway.recentEvents(NS, NAME, 5);
        awaitRunningThroughTheWatch(client, gateway);
        gateway.delete(NS, NAME, 0L);
        gateway.delete(NS, NAME, null);
        gateway.goneOrDeleting(NS, NAME);
    }

    /** The copy turns Running shortly after the wait started, so the verdict comes from a watch event. */
    private static void awaitRunningThroughTheWatch(KubernetesClient client, KubePodGateway gateway) {
        Pod running = new PodBuilder(PodFixtures.state(null, "Running", "node-1", PodFixtures.running("app"),
                PodFixtures.running(DEBUG))).build();
        CompletableFuture<Void> start = CompletableFuture.runAsync(
                () -> client.pods().inNamespace(NS).resource(running).updateStatus(),
                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        gateway.awaitRunning(gateway.get(NS, NAME), DEBUG, Duration.ofSeconds(20), line -> { });
        start.join();
    }

    private static void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (SharepidException expected) {
            return;
        }
        throw new AssertionError("expected the API server to refuse the call");
    }
}
