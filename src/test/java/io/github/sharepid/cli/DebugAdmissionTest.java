package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.github.sharepid.kube.fabric8.Fabric8Context;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code debug} refuses before creating anything when the namespace's Pod Security level or any other
 * admission check would reject the copy: one line, exit 1, and no POST without {@code dryRun=All}.
 */
@EnableKubernetesMockClient
@Timeout(30)
class DebugAdmissionTest {
    KubernetesMockServer server;
    KubernetesClient client;
    private String ns;

    @BeforeEach
    void sourcePod() {
        ns = client.getNamespace();
        Pod web = new PodBuilder().withNewMetadata().withName("web").withNamespace(ns).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx").endContainer().endSpec().build();
        server.expect().get().withPath(path("/pods/web")).andReturn(200, web).always();
    }

    @Test
    @DisplayName("enforce=restricted and the default profile: refused before any create, naming level and fix")
    void restrictedNamespace_generalProfile_refusedBeforeCreating() throws InterruptedException {
        namespaceEnforces("restricted");

        CliRun run = debug();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEqualTo("error: namespace " + ns + " enforces pod-security \"restricted\": profile"
                + " general adds SYS_PTRACE; use --profile restricted\n");
        assertThat(methods()).doesNotContain("POST");
    }

    @Test
    @DisplayName("enforce=baseline and --profile sysadmin: refused, --profile baseline suggested")
    void baselineNamespace_sysadminProfile_suggestsBaseline() throws InterruptedException {
        namespaceEnforces("baseline");

        CliRun run = debug("--profile", "sysadmin");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("error: namespace " + ns + " enforces pod-security \"baseline\": profile"
                + " sysadmin is privileged; use --profile baseline\n");
        assertThat(methods()).doesNotContain("POST");
    }

    @Test
    @DisplayName("a profile the level admits goes on to the dry run; a webhook's refusal there is one line, nothing created")
    void dryRunRejection_oneLineAndNoRealCreate() throws InterruptedException {
        namespaceEnforces("restricted");
        String denied = "admission webhook \"policy.example.com\" denied the request: image busybox is not allowed";
        server.expect().post().withPath(path("/pods?dryRun=All")).andReturn(400, new StatusBuilder().withCode(400)
                .withStatus("Failure").withReason("BadRequest").withMessage(denied).build()).once();

        CliRun run = debug("--profile", "restricted");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().lines().filter(l -> l.startsWith("error: ")).toList()).singleElement().asString()
                .startsWith("error: the API server would reject the copy web-sharepid-")
                .endsWith("(server-side dry run; nothing was created): " + denied);
        assertThat(run.stderr()).doesNotContain("creating ");
        assertThat(posts()).singleElement().asString().endsWith("?dryRun=All");
    }

    @Test
    @DisplayName("a namespace the user may not read does not stop debug: the dry run still judges the pod")
    void unreadableNamespace_dryRunStillRuns() throws InterruptedException {
        server.expect().get().withPath(path("")).andReturn(403, new StatusBuilder().withCode(403).withStatus("Failure")
                .withMessage("namespaces \"" + ns + "\" is forbidden: User \"jane\" cannot get resource \"namespaces\"")
                .build()).always();
        String rbac = "pods is forbidden: User \"jane\" cannot create resource \"pods\" in API group \"\" in the"
                + " namespace \"" + ns + "\"";
        server.expect().post().withPath(path("/pods?dryRun=All")).andReturn(403, new StatusBuilder().withCode(403)
                .withStatus("Failure").withReason("Forbidden").withMessage(rbac).build()).once();

        CliRun run = debug();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("error: forbidden: " + rbac + "\n");
        assertThat(posts()).singleElement().asString().endsWith("?dryRun=All");
    }

    private CliRun debug(String... flags) {
        List<String> args = new ArrayList<>(List.of("debug", "web", "--attach=false"));
        args.addAll(List.of(flags));
        return CliRun.of(options -> new Fabric8Context(client), args.toArray(String[]::new));
    }

    private void namespaceEnforces(String level) {
        server.expect().get().withPath(path("")).andReturn(200, new NamespaceBuilder().withNewMetadata().withName(ns)
                .addToLabels("pod-security.kubernetes.io/enforce", level).endMetadata().build()).always();
    }

    private String path(String rest) {
        return "/api/v1/namespaces/" + ns + rest;
    }

    private List<String> methods() throws InterruptedException {
        return requests().stream().map(RecordedRequest::getMethod).toList();
    }

    private List<String> posts() throws InterruptedException {
        return requests().stream().filter(r -> r.getMethod().equals("POST")).map(RecordedRequest::getPath).toList();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            all.add(server.takeRequest());
        }
        return all;
    }
}
