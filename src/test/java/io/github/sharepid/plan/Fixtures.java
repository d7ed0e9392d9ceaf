package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Source pods, specs and expected pieces shared by the planner tests, all built fresh on every call. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String SUFFIX = "x7k2q";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fixtures() {}

    static PlanContext ctx(String... rwoClaims) {
        return new PlanContext(NOW, SUFFIX, Set.of(rwoClaims));
    }

    /** The pod of the Kubernetes docs page "Share Process Namespace", as it looks once running. */
    static Pod docsSeedPod() {
        return new PodBuilder()
                .withApiVersion("v1").withKind("Pod")
                .withNewMetadata().withName("nginx").withNamespace("default").withUid("0b6f-uid")
                    .withResourceVersion("4711").withCreationTimestamp("2024-04-30T08:00:00Z").endMetadata()
                .withNewSpec()
                    .withShareProcessNamespace(true)
                    .withNodeName("node-a")
                    .addNewContainer().withName("nginx").withImage("nginx").endContainer()
                    .addNewContainer().withName("shell").withImage("busybox").withStdin(true).withTty(true)
                        .withNewSecurityContext().withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities()
                        .endSecurityContext().endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.0.0.7").endStatus()
                .build();
    }

    /** A pod whose init container migrates a database before the app starts. */
    static Pod podWithInitContainer() {
        return new PodBuilder()
                .withNewMetadata().withName("api").withNamespace("shop").endMetadata()
                .withNewSpec()
                    .withNodeName("node-b")
                    .addNewInitContainer().withName("migrate").withImage("api:1.4").withCommand("migrate", "up")
                    .endInitContainer()
                    .addNewContainer().withName("api").withImage("api:1.4").withLivenessProbe(httpProbe(8080))
                    .endContainer()
                .endSpec()
                .build();
    }

    /** {@link #podWithInitContainer()} whose app asks to be restarted on exit code 42 (container restart rules). */
    static Pod podWithRestartRules() {
        return new PodBuilder(podWithInitContainer()).editSpec().editFirstContainer().withRestartPolicy("Never")
                .addNewRestartPolicyRule().withAction("Restart").withNewExitCodes().withOperator("In")
                .withValues(42).endExitCodes().endRestartPolicyRule().endContainer().endSpec().build();
    }

    /** A pod with a native sidecar (init container with restartPolicy Always) that has probes of its own. */
    static Pod podWithProbedSidecar() {
        return new PodBuilder()
                .withNewMetadata().withName("mesh").withNamespace("shop").endMetadata()
                .withNewSpec()
                    .addNewInitContainer().withName("proxy").withImage("envoy:1.30").withRestartPolicy("Always")
                        .withLivenessProbe(httpProbe(15021)).withReadinessProbe(httpProbe(15021))
                        .withStartupProbe(httpProbe(15021)).endInitContainer()
                    .addNewContainer().withName("app").withImage("app:2").withLivenessProbe(httpProbe(8080))
                        .withReadinessProbe(httpProbe(8080)).withStartupProbe(httpProbe(8080)).endContainer()
                .endSpec()
                .build();
    }

    /** A database pod on node-c mounting a claim {@code data-db-0} and a shared cache claim. */
    static Pod podWithClaims() {
        return new PodBuilder()
                .withNewMetadata().withName("db-0").withNamespace("data").endMetadata()
                .withNewSpec()
                    .withNodeName("node-c")
                    .addNewContainer().withName("postgres").withImage("postgres:16").endContainer()
                    .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data-db-0")
                        .endPersistentVolumeClaim().endVolume()
                    .addNewVolume().withName("cache").withNewPersistentVolumeClaim().withClaimName("shared-cache")
                        .endPersistentVolumeClaim().endVolume()
                    .addNewVolume().withName("config").withNewConfigMap().withName("pg-conf").endConfigMap().endVolume()
                .endSpec()
                .build();
    }

    /** A pod made by a Deployment's ReplicaSet: owner reference, template hash, a previous ephemeral debugger. */
    static Pod replicaSetPod() {
        return new PodBuilder()
                .withNewMetadata().withName("web-7d9f8b6c5-x2k4q").withGenerateName("web-7d9f8b6c5-")
                    .withNamespace("shop").withUid("c0ffee").withResourceVersion("99").withGeneration(1L)
                    .withLabels(ordered("app", "web", "pod-template-hash", "7d9f8b6c5"))
                    .withAnnotations(Map.of("prometheus.io/scrape", "true"))
                    .withFinalizers("example.com/protect")
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                        .withName("web-7d9f8b6c5").withUid("rs-uid").withController(true)
                        .withBlockOwnerDeletion(true).endOwnerReference()
                    .addNewManagedField().withManager("kube-controller-manager").withOperation("Update")
                        .endManagedField()
                .endMetadata()
                .withNewSpec()
                    .withNodeName("node-a").withRestartPolicy("Always").withServiceAccountName("web")
                    .addNewContainer().withName("web").withImage("web:3.1").withReadinessProbe(httpProbe(80))
                        .endContainer()
                    .addNewEphemeralContainer().withName("debugger-abcde").withImage("busybox")
                        .endEphemeralContainer()
                .endSpec()
                .build();
    }

    static Probe httpProbe(int port) {
        return new ProbeBuilder().withNewHttpGet().withPath("/healthz").withNewPort(port).endHttpGet().build();
    }

    static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** The metadata every copy of {@code source} gets when no labels or annotations are kept. */
    static ObjectMeta copyMeta(String name, String namespace, String source) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(Map.of("app.kubernetes.io/managed-by", "kubectl-sharepid"))
                .withAnnotations(Map.of("sharepid.io/source-pod", source, "sharepid.io/debug-container", "sharepid",
                        "sharepid.io/created", "2024-05-01T12:00:00Z"))
                .build();
    }

    /** The default debug container: busybox {@code sh} with a TTY and SYS_PTRACE (general profile). */
    static ContainerBuilder debugShell() {
        return new ContainerBuilder().withName("sharepid").withImage("busybox").withCommand("sh")
                .withStdin(true).withStdinOnce(false).withTty(true)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withNewSecurityContext().withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities()
                .endSecurityContext();
    }

    static Container container(String name, String image) {
        return new ContainerBuilder().withName(name).withImage(image).build();
    }

    /** Compares pods as the API server would receive them (JSON, empty fields left out). */
    static void assertSamePod(Pod actual, Pod expected) {
        JsonNode got = SERIALIZATION.convertValue(actual, JsonNode.class);
        JsonNode want = SERIALIZATION.convertValue(expected, JsonNode.class);
        assertThat(got).withFailMessage("expected pod:%n%s%nbut planned:%n%s",
                SERIALIZATION.asYaml(expected), SERIALIZATION.asYaml(actual)).isEqualTo(want);
    }

    /** A spec with the CLI's defaults: container sharepid, busybox, sh, general profile, a TTY. */
    static DebugSpec spec() {
        return new SpecBuilder().build();
    }

    /** Test-only builder for {@link DebugSpec}, defaulting every flag as the CLI does. */
    static final class SpecBuilder {
        String copyName;
        String container = DebugSpec.DEFAULT_CONTAINER;
        String image = DebugSpec.DEFAULT_IMAGE;
        List<String> command = List.of();
        Profile profile = Profile.GENERAL;
        boolean tty = true;
        boolean keepLabels;
        boolean keepAnnotations;
        boolean sameNode;
        Map<String, String> setImages = Map.of();
        Map<String, String> env = Map.of();
        AppContainers apps = AppContainers.DEFAULT;
        Container custom;

        DebugSpec build() {
            return new DebugSpec(copyName, container, image, command, profile, tty, keepLabels, keepAnnotations,
                    sameNode, setImages, env, apps, custom);
        }
    }
}
