package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.copy;
import static io.github.sharepid.kube.fabric8.PodFixtures.event;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.github.sharepid.failure.SharepidException;
import org.junit.jupiter.api.Test;

/** How the gateway reports what the API server refuses: 403, 404, 409 and a dropped shareProcessNamespace. */
class KubePodGatewayErrorsTest extends GatewayHarness {
    private static final String PODS = "/api/v1/namespaces/" + NS + "/pods";

    @Test
    void forbiddenWithTheServersExplanation_keepsIt() {
        String message = "pods \"copy\" is forbidden: User \"jane\" cannot get resource \"pods\" in API group \"\""
                + " in the namespace \"ns\"";
        server.expect().get().withPath(podPath()).andReturn(403, status(403, "Forbidden", message)).once();

        assertThatThrownBy(() -> gateway.get(NS, NAME))
                .satisfies(e -> assertThat(KubeErrors.translate(e).getMessage()).isEqualTo("forbidden: " + message));
    }

    @Test
    void forbiddenWithoutExplanation_namesVerbResourceNamespaceAndUser() {
        server.expect().get().withPath(podPath()).andReturn(403, "<html>denied by proxy</html>").once();

        assertThatThrownBy(() -> gateway.get(NS, NAME))
                .isInstanceOf(SharepidException.class)
                .hasMessage("forbidden: cannot get pods in namespace \"ns\" (as kubeconfig user"
                        + " \"fabric8-mock-server-user\")");
    }

    @Test
    void createForbiddenWithoutExplanation_namesTheCreateVerb() {
        server.expect().post().withPath(PODS).andReturn(403, status(403, "Forbidden", "")).once();

        assertThatThrownBy(() -> gateway.create(copy()))
                .hasMessageStartingWith("forbidden: cannot create pods in namespace \"ns\"");
    }

    @Test
    void listManagedEverywhereForbiddenWithoutExplanation_saysClusterScope() {
        server.expect().get().withPath("/api/v1/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dkubectl-sharepid")
                .andReturn(403, "").once();

        assertThatThrownBy(() -> gateway.listManaged(null))
                .hasMessageStartingWith("forbidden: cannot list pods at the cluster scope (as ");
    }

    @Test
    void createConflict_asksForAnotherCopyName() {
        server.expect().post().withPath(PODS).andReturn(409, status(409, "AlreadyExists",
                "pods \"copy\" already exists")).once();

        assertThatThrownBy(() -> gateway.create(copy()))
                .isInstanceOf(SharepidException.class)
                .hasMessage("pod \"copy\" already exists in namespace \"ns\" (choose another --copy-to)");
    }

    /** Judging what the server stored is the use case's (DebugSession), which deletes through its reaper. */
    @Test
    void createWhereTheServerDropsShareProcessNamespace_returnsWhatItStored_andDeletesNothing() throws InterruptedException {
        server.expect().post().withPath(PODS).andReturn(201, new PodBuilder(copy()).editSpec()
                .withShareProcessNamespace(null).endSpec().build()).once();

        assertThat(gateway.create(copy()).getSpec().getShareProcessNamespace()).isNull();
        assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("POST");
    }

    @Test
    void recentEvents_ordersByTheBestTimestampAndKeepsTheLast() {
        Event byEventTime = new EventBuilder(event("Created", "created", null))
                .withEventTime(new MicroTime("2024-05-01T10:00:03.500000Z")).build();
        Event byCreation = new EventBuilder(event("Scheduled", "assigned", null)).editMetadata()
                .withCreationTimestamp("2024-05-01T10:00:01Z").endMetadata().build();
        givenEvents(event("Started", "started", "2024-05-01T10:00:04Z"), byEventTime,
                event("Pulled", "pulled", "2024-05-01T10:00:02Z"), byCreation);

        assertThat(gateway.recentEvents(NS, NAME, 3)).extracting(Event::getReason)
                .containsExactly("Pulled", "Created", "Started");
    }
}
