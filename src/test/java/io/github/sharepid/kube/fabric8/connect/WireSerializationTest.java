package io.github.sharepid.kube.fabric8.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands' serialization maps only the kinds our calls meet where the model says "any resource", and
 * reads kubeconfig files as fabric8's own parseConfig does. What it saves (the model classes a command loads)
 * is pinned by ModelClassesLoadedTest, in a fresh JVM.
 */
class WireSerializationTest {
    private final KubernetesSerialization json = WireSerialization.create();

    @TempDir
    Path dir;

    @Test
    void watchEvent_ofAPod_isAPod_asPodWatchesNeed() {
        WatchEvent event = json.unmarshal("{\"type\":\"MODIFIED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"name\":\"copy\",\"resourceVersion\":\"7\"},\"status\":{\"phase\":\"Running\"}}}",
                WatchEvent.class);

        assertThat(event.getObject()).isInstanceOf(Pod.class);
        assertThat(((Pod) event.getObject()).getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void watchEvent_error_isAStatus() {
        WatchEvent event = json.unmarshal("{\"type\":\"ERROR\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Status\","
                + "\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410}}", WatchEvent.class);

        assertThat(event.getObject()).isInstanceOf(Status.class);
        assertThat(((Status) event.getObject()).getCode()).isEqualTo(410);
    }

    @Test
    void aKindNoCallOfOursMeets_isReadGenerically_notLookedUpInEveryModelJar() {
        WatchEvent event = json.unmarshal("{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}}", WatchEvent.class);

        assertThat(event.getObject()).isInstanceOf(GenericKubernetesResource.class);
        assertThat(((GenericKubernetesResource) event.getObject()).getMetadata().getName()).isEqualTo("web");
    }

    @Test
    void kubeconfigFile_readsAsFabric8sParseConfigReadsIt_fileNotesIncluded() throws Exception {
        String text = KubeconfigText.of("beta",
                KubeconfigText.context("alpha", "a", "ua", "one"), KubeconfigText.context("beta", "b", "ub", null),
                KubeconfigText.cluster("a", "https://a.example:6443"),
                KubeconfigText.cluster("b", "https://b.example:6443", "certificate-authority: ca.crt",
                        "extensions:", "- name: cluster_info", "  extension:", "    provider: minikube.sigs.k8s.io",
                        "    version: v1.36.0"),
                KubeconfigText.tokenUser("ua", "t"), KubeconfigText.user("ub", "client-certificate: u.crt"));
        File file = Files.writeString(dir.resolve("config"), text).toFile();

        Config ours = KubeconfigFiles.read(text, file, json);
        Config fabric8s = KubeConfigUtils.parseConfig(file);

        assertThat(ours).isEqualTo(fabric8s); // the file notes are additional properties: compared too
        assertThat(ours.getClusters().get(1).getCluster().getExtensions()).hasSize(1);
        for (NamedContext context : ours.getContexts()) {
            assertThat(KubeConfigUtils.getFileWithNamedContext(context)).isEqualTo(file);
        }
        assertThat(ours.getClusters()).allSatisfy(c -> assertThat(c.getAdditionalProperties()).containsValue(file));
        assertThat(ours.getUsers()).allSatisfy(u -> assertThat(u.getAdditionalProperties()).containsValue(file));
    }
}
