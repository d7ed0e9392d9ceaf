package io.github.sharepid.kube.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodSelections.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TYPE/NAME and -l against the mock API server in CRUD mode: one GET of the workload, one LIST of pods. */
@EnableKubernetesMockClient(crud = true)
class KubePodSelectionsTest {
    private static final LabelSelector WEB = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).build();

    KubernetesMockServer server;
    KubernetesClient client;
    KubePodSelections selections;

    @BeforeEach
    void pods() {
        selections = new KubePodSelections(client);
        pod("ns", "web-b", Map.of("app", "web", "tier", "front"));
        pod("ns", "web-a", Map.of("app", "web", "tier", "back"));
        pod("ns", "db-0", Map.of("app", "db"));
        pod("other", "web-c", Map.of("app", "web", "tier", "front"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void selectorOf_eachKind_readsItsSpecSelector_andSelectsItsPods(Kind kind) {
        client.resource(workload(kind, "web", WEB)).inNamespace("ns").create();

        String selector = selections.selectorOf("ns", kind, "web");

        assertThat(selector).isEqualTo("app=web");
        assertThat(names(selections.select("ns", selector))).containsExactlyInAnyOrder("web-a", "web-b");
    }

    @Test
    void selectorOf_matchExpressions_becomeSetBasedTerms_theServerEvaluates() {
        pod("ns", "web-canary", Map.of("app", "web", "tier", "front", "canary", "yes"));
        LabelSelector sel = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web"))
                .addNewMatchExpression().withKey("tier").withOperator("Exists").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .build();
        client.resource(workload(Kind.DEPLOYMENT, "web", sel)).inNamespace("ns").create();

        String selector = selections.selectorOf("ns", Kind.DEPLOYMENT, "web");

        assertThat(selector).isEqualTo("app=web,tier,!canary");
        assertThat(names(selections.select("ns", selector))).containsExactlyInAnyOrder("web-a", "web-b");
    }

    @Test
    @DisplayName("In and NotIn go to the server as kubectl writes them (the mock server does not evaluate them)")
    void selectorOf_inAndNotIn_areSentVerbatim() throws InterruptedException {
        LabelSelector sel = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("front", "edge").endMatchExpression()
                .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("dev").endMatchExpression()
                .build();
        client.resource(workload(Kind.STATEFULSET, "web", sel)).inNamespace("ns").create();

        String selector = selections.selectorOf("ns", Kind.STATEFULSET, "web");
        selections.select("ns", selector);

        assertThat(selector).isEqualTo("tier in (front,edge),env notin (dev)");
        assertThat(server.getLastRequest().getPath())
                .contains("labelSelector=tier%20in%20%28front%2Cedge%29%2Cenv%20notin%20%28dev%29");
    }

    @Test
    void selectorOf_emptySelector_isRefused_notEveryPod() {
        client.resource(workload(Kind.REPLICASET, "all", new LabelSelector())).inNamespace("ns").create();

        assertThatThrownBy(() -> selections.selectorOf("ns", Kind.REPLICASET, "all"))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("replicaset all has an empty selector");
    }

    @Test
    void selectorOf_missingWorkload_failsNamingKindNameAndNamespace() {
        assertThatThrownBy(() -> selections.selectorOf("ns", Kind.STATEFULSET, "ghost"))
                .isInstanceOf(SharepidException.class)
                .hasMessage("statefulset \"ghost\" not found in namespace \"ns\"");
    }

    @Test
    void select_matchingNothing_isEmpty() {
        assertThat(selections.select("ns", "app=nosuch")).isEmpty();
    }

    @Test
    void select_withoutNamespace_listsEveryNamespace() {
        assertThat(selections.select(null, "app=web")).extracting(p -> p.getMetadata().getNamespace() + "/"
                + p.getMetadata().getName()).containsExactlyInAnyOrder("ns/web-a", "ns/web-b", "other/web-c");
    }

    @Test
    void select_sendsTheSelectorToTheServer_inOneList() throws InterruptedException {
        int before = server.getRequestCount();

        selections.select("ns", "app=web,tier notin (back)");

        assertThat(server.getRequestCount() - before).isOne();
        assertThat(server.getLastRequest().getPath()).contains("labelSelector=app%3Dweb%2Ctier%20notin%20%28back%29");
    }

    @Test
    void names_listsTheWorkloadsOfAKind_sorted() {
        client.resource(workload(Kind.DAEMONSET, "logs", WEB)).inNamespace("ns").create();
        client.resource(workload(Kind.DAEMONSET, "agent", WEB)).inNamespace("ns").create();

        assertThat(selections.names("ns", Kind.DAEMONSET)).containsExactly("agent", "logs");
    }

    private void pod(String ns, String name, Map<String, String> labels) {
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(ns)
                .withLabels(labels).endMetadata().build()).create();
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).toList();
    }

    static HasMetadata workload(Kind kind, String name, LabelSelector selector) {
        return switch (kind) {
            case DEPLOYMENT -> new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withSelector(selector).endSpec().build();
            case STATEFULSET -> new StatefulSetBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withSelector(selector).endSpec().build();
            case DAEMONSET -> new DaemonSetBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withSelector(selector).endSpec().build();
            case REPLICASET -> new ReplicaSetBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withSelector(selector).endSpec().build();
            case JOB -> new JobBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withSelector(selector).endSpec().build();
        };
    }
}
