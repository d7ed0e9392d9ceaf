package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.event;
import static io.github.sharepid.kube.fabric8.PodFixtures.running;
import static io.github.sharepid.kube.fabric8.PodFixtures.state;
import static io.github.sharepid.kube.fabric8.PodFixtures.waiting;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A tools container added to a live pod that cannot start: the one-line error quotes the events of that
 * container only (not the pod's DNS warning nor another container's start), each cut to a readable length.
 */
class KubePodGatewayEphemeralEventsTest extends GatewayHarness {
    private static final String TOOLS = "sharepid-tools-0123456789";

    @Test
    void toolsContainerThatCannotPull_quotesOnlyItsOwnEvents_cutShort() {
        String registry = "rpc error: code = Unknown desc = failed to resolve reference \"registry.invalid/tools:1\": "
                + "x".repeat(300);
        givenEvents(event("MissingClusterDNS", "pod: \"copy_ns\". kubelet does not have ClusterDNS IP configured",
                "2024-05-01T10:00:01Z"), of(event("Started", "Started container app", "2024-05-01T10:00:02Z"), "app",
                "containers"), of(event("Failed", "Failed to pull image \"registry.invalid/tools:1\": " + registry,
                "2024-05-01T10:00:05Z"), TOOLS, "ephemeralContainers"), of(event("BackOff",
                "Back-off pulling image \"registry.invalid/tools:1\"", "2024-05-01T10:00:07Z"), TOOLS,
                "ephemeralContainers"));
        givenWatch("1", live("2", waiting(TOOLS, "ErrImagePull", "pull failed")));
        String failed = ("Failed: Failed to pull image \"registry.invalid/tools:1\": " + registry).substring(0, 8 + 159);

        assertThatThrownBy(() -> gateway.awaitRunning(live("1"), TOOLS, Duration.ofSeconds(20), progress::add))
                .hasMessage("container " + TOOLS + " in pod copy cannot start: ErrImagePull: pull failed; events: "
                        + failed + "… | BackOff: Back-off pulling image \"registry.invalid/tools:1\"");
    }

    /** The running copy with {@link #TOOLS} as an ephemeral container, in the given state. */
    private static Pod live(String rv, io.fabric8.kubernetes.api.model.ContainerStatus... tools) {
        return new PodBuilder(state(rv, "Running", "node-1", running("app"))).editSpec().addNewEphemeralContainer()
                .withName(TOOLS).withImage("registry.invalid/tools:1").endEphemeralContainer().endSpec()
                .editStatus().withEphemeralContainerStatuses(tools).endStatus().build();
    }

    /** {@code event} about one container: its involvedObject.fieldPath names it, as the kubelet's do. */
    private static Event of(Event event, String container, String list) {
        return new EventBuilder(event).editInvolvedObject().withFieldPath("spec." + list + "{" + container + "}")
                .endInvolvedObject().build();
    }
}
