package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.github.sharepid.failure.SharepidException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calls {@code debug} makes before creating: the namespace's labels and a dry-run create. */
class KubePodGatewayAdmissionTest extends GatewayHarness {
    private static final String DRY_RUN = "/api/v1/namespaces/" + NS + "/pods?dryRun=All";
    private static final String PSA = "pods \"copy\" is forbidden: violates PodSecurity \"baseline:latest\":"
            + " non-default capabilities (container \"debug\" must not include \"SYS_PTRACE\" in"
            + " securityContext.capabilities.add)";

    @Test
    void namespaceLabels_returnsTheLabels() {
        server.expect().get().withPath("/api/v1/namespaces/" + NS).andReturn(200, new NamespaceBuilder()
                .withNewMetadata().withName(NS).addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata().build()).once();

        assertThat(new KubeLookups(client).namespaceLabels(NS)).contains(Map.of("pod-security.kubernetes.io/enforce", "restricted"));
    }

    @Test
    void namespaceLabels_forbiddenOrMissing_isEmptyNotAnError() {
        server.expect().get().withPath("/api/v1/namespaces/" + NS).andReturn(403, status(403, "Forbidden",
                "namespaces \"ns\" is forbidden: User \"jane\" cannot get resource \"namespaces\"")).once();

        assertThat(new KubeLookups(client).namespaceLabels(NS)).isEqualTo(Optional.empty());
        // the expectation is used up: the mock server now answers 404, as for a namespace that is gone
        assertThat(new KubeLookups(client).namespaceLabels(NS)).isEqualTo(Optional.empty());
    }

    @Test
    void dryRunCreate_postsWithDryRunAllAndStoresNothing() throws InterruptedException {
        server.expect().post().withPath(DRY_RUN).andReturn(201, copy()).once();

        gateway.dryRunCreate(copy());

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getPath()).isEqualTo(DRY_RUN);
    }

    @Test
    void dryRunCreate_admissionRefusal_isOneLineSayingNothingWasCreated() {
        server.expect().post().withPath(DRY_RUN).andReturn(403, status(403, "Forbidden", PSA)).once();

        assertThatThrownBy(() -> gateway.dryRunCreate(copy()))
                .isInstanceOf(SharepidException.class)
                .hasMessage("the API server would reject the copy copy in namespace \"ns\" (server-side dry run;"
                        + " nothing was created): " + PSA);
    }

    @Test
    void dryRunCreate_webhookDenial_isReportedTheSameWay() {
        String denied = "admission webhook \"policy.example.com\" denied the request: debug containers are not allowed";
        server.expect().post().withPath(DRY_RUN).andReturn(400, status(400, "BadRequest", denied)).once();

        assertThatThrownBy(() -> gateway.dryRunCreate(copy()))
                .isInstanceOf(SharepidException.class)
                .hasMessageEndingWith("(server-side dry run; nothing was created): " + denied);
    }

    @Test
    void dryRunCreate_rbacRefusal_keepsTheServersVerbAndResource() {
        String rbac = "pods is forbidden: User \"system:serviceaccount:ns:reader\" cannot create resource \"pods\""
                + " in API group \"\" in the namespace \"ns\"";
        server.expect().post().withPath(DRY_RUN).andReturn(403, status(403, "Forbidden", rbac)).once();

        assertThatThrownBy(() -> gateway.dryRunCreate(copy()))
                .satisfies(e -> assertThat(KubeErrors.translate(e).getMessage()).isEqualTo("forbidden: " + rbac));
    }

    @Test
    void dryRunCreate_invalidSpec_staysAUsageError() {
        String invalid = "Pod \"copy\" is invalid: spec.containers[1].image: Required value";
        server.expect().post().withPath(DRY_RUN).andReturn(422, status(422, "BadRequest", invalid)).once();

        assertThatThrownBy(() -> gateway.dryRunCreate(copy()))
                .satisfies(e -> assertThat(KubeErrors.translate(e))
                        .extracting(SharepidException::getMessage, SharepidException::exitCode)
                        .containsExactly("invalid: " + invalid, SharepidException.USAGE));
    }

    @Test
    void createForbiddenByAdmission_keepsTheServersReasonInsteadOfGuessingTheVerb() {
        server.expect().post().withPath("/api/v1/namespaces/" + NS + "/pods").andReturn(403, status(403, "Forbidden", PSA)).once();

        assertThatThrownBy(() -> gateway.create(copy()))
                .satisfies(e -> assertThat(KubeErrors.translate(e).getMessage()).isEqualTo("forbidden: " + PSA));
    }
}
