package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.ConnectionOptions;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.fabric8.connect.KubeconfigText;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A context from Fabric8Connector talks to the configured server with the configured identity. */
@EnableKubernetesMockClient
@Timeout(30)
class Fabric8ConnectorWireTest {
    KubernetesMockServer server;
    @TempDir
    Path dir;

    @Test
    void connect_sendsTheKubeconfigTokenAndImpersonationHeaders() throws IOException, InterruptedException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), KubeconfigText.of("mock",
                KubeconfigText.context("mock", "mock-cluster", "mock-user", "from-context"),
                KubeconfigText.cluster("mock-cluster", server.url("/"), "insecure-skip-tls-verify: true"),
                KubeconfigText.tokenUser("mock-user", "kc-token")));
        server.expect().get().withPath("/api/v1/namespaces/team/pods?labelSelector="
                        + "app.kubernetes.io%2Fmanaged-by%3Dkubectl-sharepid")
                .andReturn(200, new PodListBuilder().build()).once();
        ConnectionOptions options = KubeOptions.defaults().kubeconfig(kubeconfig.toString()).namespace("team")
                .as("jane", "devs", "ops").asUid("42").build();

        try (KubeContext context = new Fabric8Connector(Map.<String, String>of()::get).connect(options)) {
            assertThat(context.namespace()).isEqualTo("team");
            assertThat(context.serverUrl()).isEqualTo(server.url("/"));
            assertThat(context.pods().listManaged("team")).isEmpty();
        }

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer kc-token");
        assertThat(request.getHeader("Impersonate-User")).isEqualTo("jane");
        assertThat(request.getHeaders().headers("Impersonate-Group")).containsExactly("devs", "ops");
        assertThat(request.getHeader("Impersonate-Uid")).isEqualTo("42");
    }
}
