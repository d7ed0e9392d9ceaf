package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain pod and claim calls against the mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubePodGatewayTest extends GatewayHarness {
    @Test
    void create_storesThePodAndReturnsTheServersCopy() {
        Pod created = gateway.create(copy());

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getSpec().getShareProcessNamespace()).isTrue();
        assertThat(gateway.get(NS, NAME).getSpec().getContainers()).extracting("name").containsExactly("app", "debug");
    }

    @Test
    void create_podWithoutNamespace_goesToTheClientsNamespace() {
        Pod created = gateway.create(new PodBuilder(copy()).editMetadata().withNamespace(null).endMetadata().build());

        assertThat(created.getMetadata().getNamespace()).isEqualTo(client.getNamespace());
    }

    @Test
    void get_missingPod_failsNamingPodAndNamespace() {
        assertThatThrownBy(() -> gateway.get(NS, "ghost"))
                .isInstanceOf(SharepidException.class)
                .hasMessage("pod \"ghost\" not found in namespace \"ns\"");
    }

    @Test
    void delete_saysWhetherThePodExisted() {
        gateway.create(copy());

        assertThat(gateway.delete(NS, NAME, 0L)).isTrue();
        assertThat(gateway.delete(NS, NAME, null)).isFalse();
        assertThat(client.pods().inNamespace(NS).withName(NAME).get()).isNull();
    }

    @Test
    void listManaged_returnsOnlyLabelledPods_inOneOrAllNamespaces() {
        gateway.create(copy());
        gateway.create(new PodBuilder(copy()).editMetadata().withNamespace("other").endMetadata().build());
        client.pods().inNamespace(NS).resource(new PodBuilder(copy()).editMetadata().withName("plain")
                .withLabels(null).endMetadata().build()).create();

        assertThat(gateway.listManaged(NS)).extracting(p -> p.getMetadata().getNamespace() + "/"
                + p.getMetadata().getName()).containsExactly("ns/copy");
        assertThat(gateway.listManaged(null)).extracting(p -> p.getMetadata().getNamespace() + "/"
                + p.getMetadata().getName()).containsExactlyInAnyOrder("ns/copy", "other/copy");
    }

    @Test
    void readWriteOnceClaims_keepsSingleNodeModes_andSkipsMissingClaims() {
        claim("data", "ReadWriteOnce");
        claim("exclusive", "ReadWriteOncePod");
        claim("shared", "ReadWriteMany");
        claim("mixed", "ReadOnlyMany", "ReadWriteOnce");

        assertThat(new KubeLookups(client).readWriteOnceClaims(NS, List.of("data", "exclusive", "shared", "mixed", "missing")))
                .containsExactly("data", "exclusive", "mixed");
    }

    private void claim(String name, String... modes) {
        client.persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withAccessModes(modes).endSpec().build()).create();
    }
}
