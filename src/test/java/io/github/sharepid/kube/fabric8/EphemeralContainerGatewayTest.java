package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.EphemeralContainers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both shapes of {@code pods/ephemeralcontainers}, chosen by discovery: Kubernetes 1.20's EphemeralContainers
 * object (GET, append, PUT with its resourceVersion; again after a conflict) and 1.22+'s Pod (one strategic-merge
 * PATCH), the dry run, and what a refusal or a server without ephemeral containers says.
 */
@EnableKubernetesMockClient
@Timeout(120) // a bound for a hang, not for speed (see GatewayHarness)
class EphemeralContainerGatewayTest {
    private static final String SUB = podPath() + "/ephemeralcontainers";
    private static final EphemeralContainer TOOLS = new EphemeralContainerBuilder().withName("sharepid-tools-abcde")
            .withImage("busybox").withCommand("sleep", "2147483647").build();

    KubernetesMockServer server;
    KubernetesClient client;
    private EphemeralContainerGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new EphemeralContainerGateway(client);
    }

    @Test
    void kubernetes120_getsTheObject_appendsOurs_andPutsItBackWithItsResourceVersion() throws Exception {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5", "debugger-x")).once();
        server.expect().put().withPath(SUB).andReturn(200, object("6", "debugger-x", TOOLS.getName())).once();
        server.expect().get().withPath(podPath()).andReturn(200, pod()).once();

        Pod pod = gateway.add(NS, NAME, TOOLS);

        assertThat(pod.getMetadata().getName()).isEqualTo(NAME);
        List<RecordedRequest> sent = requests();
        assertThat(sent).extracting(r -> r.getMethod() + " " + r.getPath())
                .containsExactly("GET /api/v1", "GET " + SUB, "PUT " + SUB, "GET " + podPath());
        String put = sent.get(2).getBody().readUtf8();
        assertThat(put).contains("\"kind\":\"EphemeralContainers\"", "\"resourceVersion\":\"5\"",
                "\"name\":\"debugger-x\"", "\"name\":\"sharepid-tools-abcde\"", "\"command\":[\"sleep\",\"2147483647\"]");
    }

    @Test
    void kubernetes120_conflict_readsAgainAndRetries() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).times(2);
        server.expect().put().withPath(SUB).andReturn(409, status(409, "Conflict", "the object has been modified")).once();
        server.expect().put().withPath(SUB).andReturn(200, object("7", TOOLS.getName())).once();
        server.expect().get().withPath(podPath()).andReturn(200, pod()).once();

        gateway.add(NS, NAME, TOOLS);

        assertThat(requests()).extracting(r -> r.getMethod()).containsExactly("GET", "GET", "PUT", "GET", "PUT", "GET");
    }

    @Test
    void kubernetes120_ourNameAlreadyListed_anotherCallWon_nothingIsWritten() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("6", TOOLS.getName())).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(EphemeralContainers.NameTaken.class)
                .hasMessageContaining(TOOLS.getName());
        assertThat(requests()).extracting(r -> r.getMethod()).containsExactly("GET", "GET");
    }

    @Test
    void kubernetes120_conflict_andOurNameIsThereWhenReadAgain_anotherCallWon() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).once();
        server.expect().put().withPath(SUB).andReturn(409, status(409, "Conflict", "Operation cannot be fulfilled on"
                + " pods \"" + NAME + "\": the object has been modified; please apply your changes to the latest"
                + " version and try again")).once();
        server.expect().get().withPath(SUB).andReturn(200, object("6", TOOLS.getName())).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(EphemeralContainers.NameTaken.class);
        assertThat(requests()).extracting(r -> r.getMethod()).containsExactly("GET", "GET", "PUT", "GET");
    }

    @Test
    void kubernetes120_duplicateValueOfOurName_anotherCallWon() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).once();
        server.expect().put().withPath(SUB).andReturn(422, status(422, "Invalid", "Pod \"" + NAME + "\" is invalid:"
                + " spec.ephemeralContainers[0].name: Duplicate value: \"" + TOOLS.getName() + "\"")).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(EphemeralContainers.NameTaken.class);
    }

    @Test
    void kubernetes122_409AlreadyExists_anotherCallWon() {
        discovery("Pod");
        server.expect().patch().withPath(SUB).andReturn(409, status(409, "AlreadyExists", "ephemeral container "
                + TOOLS.getName() + " already exists")).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(EphemeralContainers.NameTaken.class)
                .hasMessageContaining("409 AlreadyExists");
    }

    @Test
    void kubernetes122_existingContainerOfOurNameMayNotBeChanged_anotherCallWon() {
        discovery("Pod");
        server.expect().patch().withPath(SUB + "?dryRun=All").andReturn(422, status(422, "Invalid", "Pod \"" + NAME
                + "\" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers \""
                + TOOLS.getName() + "\" may not be changed")).once();

        assertThatThrownBy(() -> gateway.dryRunAdd(NS, NAME, TOOLS))
                .isInstanceOf(EphemeralContainers.NameTaken.class);
    }

    @Test
    void kubernetes122_otherInvalidAnswer_isNotARace() {
        discovery("Pod");
        server.expect().patch().withPath(SUB).andReturn(422, status(422, "Invalid", "Pod \"" + NAME + "\" is invalid:"
                + " spec.ephemeralContainers[0].image: Required value")).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isNotInstanceOf(EphemeralContainers.NameTaken.class)
                .isInstanceOf(KubernetesClientException.class).extracting(e -> ((KubernetesClientException) e).getCode())
                .isEqualTo(422);
    }

    @Test
    void kubernetes120_dryRun_putsWithDryRunAll() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).once();
        server.expect().put().withPath(SUB + "?dryRun=All").andReturn(200, object("5", TOOLS.getName())).once();

        gateway.dryRunAdd(NS, NAME, TOOLS);

        assertThat(requests()).extracting(r -> r.getMethod() + " " + r.getPath()).last()
                .isEqualTo("PUT " + SUB + "?dryRun=All");
    }

    @Test
    void serverThatForbidsASecurityContext_dryRunsAgainWithout_andReturnsThatContainer() throws Exception {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).times(2);
        server.expect().put().withPath(SUB + "?dryRun=All").andReturn(422, status(422, "Invalid", "Pod \"copy\" is"
                + " invalid: spec.ephemeralContainers[0].securityContext: Forbidden: cannot be set for an Ephemeral"
                + " Container")).once();
        server.expect().put().withPath(SUB + "?dryRun=All").andReturn(200, object("5", TOOLS.getName())).once();
        EphemeralContainer withProfile = new EphemeralContainerBuilder(TOOLS).withNewSecurityContext()
                .withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities().endSecurityContext().build();

        EphemeralContainer accepted = gateway.dryRunAdd(NS, NAME, withProfile);

        assertThat(accepted).isEqualTo(TOOLS);
        List<RecordedRequest> sent = requests();
        assertThat(sent.get(2).getBody().readUtf8()).contains("SYS_PTRACE");
        assertThat(sent.get(4).getBody().readUtf8()).doesNotContain("securityContext");
    }

    @Test
    void kubernetes122_patchesThePodsEphemeralContainersWithAStrategicMerge() {
        discovery("Pod");
        server.expect().patch().withPath(SUB).andReturn(200, new PodBuilder(pod()).editSpec()
                .addToEphemeralContainers(TOOLS).endSpec().build()).once();

        Pod pod = gateway.add(NS, NAME, TOOLS);

        assertThat(pod.getSpec().getEphemeralContainers()).extracting(EphemeralContainer::getName)
                .containsExactly(TOOLS.getName());
        RecordedRequest patch = requests().get(1);
        assertThat(patch.getHeader("Content-Type")).startsWith("application/strategic-merge-patch+json");
        assertThat(patch.getBody().readUtf8()).startsWith("{\"spec\":{\"ephemeralContainers\":[{")
                .contains("\"name\":\"sharepid-tools-abcde\"");
    }

    @Test
    void kubernetes122_answerWithoutOurContainer_saysEphemeralContainersAreNotEnabled() {
        discovery("Pod");
        server.expect().patch().withPath(SUB).andReturn(200, pod()).once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("ephemeral containers are not enabled on the API server at ");
    }

    @Test
    void noSuchSubresource_saysEphemeralContainersAreNotEnabled_andWritesNothing() {
        server.expect().get().withPath("/api/v1").andReturn(200, new APIResourceListBuilder().withGroupVersion("v1")
                .addToResources(new APIResourceBuilder().withName("pods").withKind("Pod").build()).build()).once();

        assertThatThrownBy(() -> gateway.dryRunAdd(NS, NAME, TOOLS))
                .hasMessageContaining("ephemeral containers are not enabled on the API server")
                .hasMessageContaining("does not list pods/ephemeralcontainers");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void rbacRefusal_isOneLineNamingTheVerbAndResource() {
        discovery("Pod");
        String message = "pods \"copy\" is forbidden: User \"jane\" cannot patch resource \"pods/ephemeralcontainers\""
                + " in API group \"\" in the namespace \"ns\"";
        server.expect().patch().withPath(SUB + "?dryRun=All").andReturn(403, status(403, "Forbidden", message)).once();

        assertThatThrownBy(() -> gateway.dryRunAdd(NS, NAME, TOOLS))
                .satisfies(e -> assertThat(KubeErrors.translate(e).getMessage()).isEqualTo("forbidden: " + message));
    }

    @Test
    void forbiddenWithoutExplanation_namesTheSubresource() {
        discovery("EphemeralContainers");
        server.expect().get().withPath(SUB).andReturn(200, object("5")).once();
        server.expect().put().withPath(SUB).andReturn(403, "denied").once();

        assertThatThrownBy(() -> gateway.add(NS, NAME, TOOLS)).isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("forbidden: cannot update pods/ephemeralcontainers in namespace \"ns\"");
    }

    private void discovery(String kind) {
        server.expect().get().withPath("/api/v1").andReturn(200, new APIResourceListBuilder().withGroupVersion("v1")
                .addToResources(new APIResourceBuilder().withName("pods").withKind("Pod").build(),
                        new APIResourceBuilder().withName("pods/ephemeralcontainers").withKind(kind)
                                .withVerbs("get", "patch", "update").build()).build()).once();
    }

    /** Kubernetes 1.20's EphemeralContainers object with containers of these names. */
    private static String object(String resourceVersion, String... names) {
        StringBuilder list = new StringBuilder();
        for (String n : names) {
            list.append(list.length() == 0 ? "" : ",").append("{\"name\":\"").append(n).append("\",\"image\":\"busybox\"}");
        }
        return "{\"kind\":\"EphemeralContainers\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + NAME
                + "\",\"namespace\":\"" + NS + "\",\"resourceVersion\":\"" + resourceVersion + "\"},"
                + "\"ephemeralContainers\":[" + list + "]}";
    }

    private static Pod pod() {
        return new PodBuilder().withNewMetadata().withName(NAME).withNamespace(NS).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx").endContainer().endSpec().build();
    }

    private static io.fabric8.kubernetes.api.model.Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }

    private List<RecordedRequest> requests() {
        List<RecordedRequest> all = new ArrayList<>();
        try {
            for (int i = server.getRequestCount(); i > 0; i--) {
                all.add(server.takeRequest());
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return all;
    }
}
