package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.TokenFile;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
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

    @Test
    @DisplayName("tokenFile: its token is the Authorization header; a rotated file is picked up once 50 s have passed")
    void tokenFile_isSentAndAChangedFileIsPickedUp() throws IOException, InterruptedException {
        Path token = Files.writeString(dir.resolve("sa-token"), "first-token\n");
        Path kubeconfig = writeKubeconfig(KubeconfigText.user("mock-user", "tokenFile: sa-token"));
        expectPodLists(3);
        AtomicLong clock = new AtomicLong();

        try (KubeContext context = new Fabric8Connector(Map.<String, String>of()::get, clock::get)
                .connect(KubeOptions.defaults().kubeconfig(kubeconfig.toString()).build())) {
            context.pods().listManaged("team");
            Files.writeString(token, "second-token\n");
            context.pods().listManaged("team");
            clock.addAndGet(TokenFile.REREAD_AFTER.toNanos());
            context.pods().listManaged("team");
        }

        assertThat(authorizations(3)).containsExactly("Bearer first-token", "Bearer first-token", "Bearer second-token");
    }

    @Test
    @DisplayName("exec credential plugin: the token of the ExecCredential it prints is the Authorization header")
    void execPlugin_tokenIsSent() throws IOException, InterruptedException {
        Path plugin = dir.resolve("credential-plugin");
        Files.writeString(plugin, "#!/bin/sh\nprintf '%s' '{\"apiVersion\": \"client.authentication.k8s.io/v1\","
                + " \"kind\": \"ExecCredential\", \"status\": {\"token\": \"plugin-token\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = writeKubeconfig(KubeconfigText.user("mock-user", "exec:",
                "  apiVersion: client.authentication.k8s.io/v1", "  command: " + plugin, "  interactiveMode: Never"));
        expectPodLists(1);

        try (KubeContext context = new Fabric8Connector(Map.<String, String>of()::get)
                .connect(KubeOptions.defaults().kubeconfig(kubeconfig.toString()).build())) {
            context.pods().listManaged("team");
        }

        assertThat(authorizations(1)).containsExactly("Bearer plugin-token");
    }

    private Path writeKubeconfig(String user) throws IOException {
        return Files.writeString(dir.resolve("config"), KubeconfigText.of("mock",
                KubeconfigText.context("mock", "mock-cluster", "mock-user", "team"),
                KubeconfigText.cluster("mock-cluster", server.url("/"), "insecure-skip-tls-verify: true"), user));
    }

    private void expectPodLists(int times) {
        server.expect().get().withPath("/api/v1/namespaces/team/pods?labelSelector="
                        + "app.kubernetes.io%2Fmanaged-by%3Dkubectl-sharepid")
                .andReturn(200, new PodListBuilder().build()).times(times);
    }

    private List<String> authorizations(int requests) throws InterruptedException {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            headers.add(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"));
        }
        return headers;
    }
}
