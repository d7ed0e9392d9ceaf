package io.github.sharepid.plan;

import static io.github.sharepid.plan.Fixtures.assertSamePod;
import static io.github.sharepid.plan.Fixtures.container;
import static io.github.sharepid.plan.Fixtures.copyMeta;
import static io.github.sharepid.plan.Fixtures.ctx;
import static io.github.sharepid.plan.Fixtures.debugShell;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole planned copy for each rule of the planner, kubectl-style: {name, spec tweak, havePod, wantPod, notes}. */
class PodCopyPlannerTest {

    record Row(Consumer<Fixtures.SpecBuilder> tweak, Supplier<Pod> have, PlanContext ctx, Pod want,
            List<String> notes) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("docs seed pod: debug shell appended, nodeName, identity and status dropped",
                        new Row(s -> {}, Fixtures::docsSeedPod, ctx(), docsSeedCopy().build(), List.of())),
                Arguments.of("init container copied as is, app probes removed, restartPolicy Never",
                        new Row(s -> {}, Fixtures::podWithInitContainer, ctx(), apiCopy("api:1.4", "api:1.4"),
                                List.of())),
                Arguments.of("sidecar and app lose liveness, readiness and startup probes; sidecar stays Always",
                        new Row(s -> {}, Fixtures::podWithProbedSidecar, ctx(), meshCopy(), List.of())),
                Arguments.of("ReadWriteOnce claim keeps nodeName and says which claim pins it",
                        new Row(s -> {}, Fixtures::podWithClaims, ctx("data-db-0", "not-mounted"), dbCopy("node-c"),
                                List.of("Kept nodeName node-c: the pod mounts ReadWriteOnce claim data-db-0,"
                                        + " which only that node can attach."))),
                Arguments.of("two ReadWriteOnce claims are both named",
                        new Row(s -> {}, Fixtures::podWithClaims, ctx("shared-cache", "data-db-0"), dbCopy("node-c"),
                                List.of("Kept nodeName node-c: the pod mounts ReadWriteOnce claims data-db-0,"
                                        + " shared-cache, which only that node can attach."))),
                Arguments.of("claims that are not ReadWriteOnce do not pin the node",
                        new Row(s -> {}, Fixtures::podWithClaims, ctx(), dbCopy(null), List.of())),
                Arguments.of("sameNode keeps nodeName, no note needed for the claim",
                        new Row(s -> s.sameNode = true, Fixtures::podWithClaims, ctx("data-db-0"), dbCopy("node-c"),
                                List.of())),
                Arguments.of("sameNode keeps nodeName of a pod without claims",
                        new Row(s -> s.sameNode = true, Fixtures::docsSeedPod, ctx(),
                                docsSeedCopy().editSpec().withNodeName("node-a").endSpec().build(), List.of())),
                Arguments.of("ReplicaSet pod: no labels, annotations, owner, finalizers or ephemeral containers",
                        new Row(s -> {}, Fixtures::replicaSetPod, ctx(), webCopy(copyMeta(
                                "web-7d9f8b6c5-x2k4q-sharepid-x7k2q", "shop", "web-7d9f8b6c5-x2k4q")), List.of())),
                Arguments.of("ReplicaSet pod with keepLabels and keepAnnotations: kept beside ours, with a warning",
                        new Row(s -> {
                            s.keepLabels = true;
                            s.keepAnnotations = true;
                        }, Fixtures::replicaSetPod, ctx(), webCopy(keptWebMeta()), List.of(
                                "The copy keeps the labels of pod web-7d9f8b6c5-x2k4q: a controller whose selector"
                                        + " matches them may adopt it (and then delete it or a replica), and matching"
                                        + " Services will send it traffic."))),
                Arguments.of("setImages: a named entry wins over *, which reaches init containers too",
                        new Row(s -> s.setImages = Map.of("*", "busybox:1.36", "api", "api:debug"),
                                Fixtures::podWithInitContainer, ctx(), apiCopy("busybox:1.36", "api:debug"),
                                List.of())),
                Arguments.of("setImages by name changes only that container",
                        new Row(s -> s.setImages = Map.of("migrate", "api:1.5"),
                                Fixtures::podWithInitContainer, ctx(), apiCopy("api:1.5", "api:1.4"), List.of())),
                Arguments.of("piped session: no TTY, stdinOnce, command and env in the order given",
                        new Row(s -> {
                            s.tty = false;
                            s.command = List.of("ps", "ax");
                            s.env = Fixtures.ordered("Z_LAST", "1", "A_FIRST", "");
                        }, Fixtures::docsSeedPod, ctx(), docsSeedCopy()
                                .editSpec().editLastContainer().withTty(false).withStdinOnce(true)
                                .withCommand("ps", "ax").addNewEnv().withName("Z_LAST").withValue("1").endEnv()
                                .addNewEnv().withName("A_FIRST").withValue("").endEnv().endContainer().endSpec()
                                .build(), List.of())),
                Arguments.of("explicit copy name and debug container name are used as given",
                        new Row(s -> {
                            s.copyName = "nginx-debug";
                            s.container = "dbg";
                        }, Fixtures::docsSeedPod, ctx(), docsSeedCopy()
                                .editMetadata().withName("nginx-debug").addToAnnotations(
                                        "sharepid.io/debug-container", "dbg").endMetadata()
                                .editSpec().editLastContainer().withName("dbg").endContainer().endSpec().build(),
                                List.of())),
                Arguments.of("hostPID is dropped: it cannot go with shareProcessNamespace",
                        new Row(s -> {}, () -> new PodBuilder(Fixtures.docsSeedPod()).editSpec().withHostPID(true)
                                .endSpec().build(), ctx(), docsSeedCopy().build(),
                                List.of("The copy of pod nginx does not use the host's PID namespace (hostPID):"
                                        + " a pod cannot share its own process namespace and the host's at once."))),
                Arguments.of("shareProcessNamespace is set even where the source turned it off",
                        new Row(s -> {}, () -> new PodBuilder(Fixtures.docsSeedPod()).editSpec()
                                .withShareProcessNamespace(false).endSpec().build(), ctx(), docsSeedCopy().build(),
                                List.of())),
                Arguments.of("restricted profile: debug container locked down, with a note on what it can reach",
                        new Row(s -> s.profile = Profile.RESTRICTED, Fixtures::docsSeedPod, ctx(), docsSeedCopy()
                                .editSpec().editLastContainer().withNewSecurityContext().withRunAsNonRoot(true)
                                .withRunAsUser(65534L).withAllowPrivilegeEscalation(false).withNewCapabilities()
                                .addToDrop("ALL").endCapabilities().withNewSeccompProfile().withType("RuntimeDefault")
                                .endSeccompProfile().endSecurityContext().endContainer().endSpec().build(),
                                List.of("The restricted debug container runs as UID 65534 without capabilities: it"
                                        + " lists every process but can signal or inspect (/proc/PID/root, environ,"
                                        + " fd) only those of UID 65534."))),
                Arguments.of("baseline profile: debug container without securityContext",
                        new Row(s -> s.profile = Profile.BASELINE, Fixtures::docsSeedPod, ctx(), docsSeedCopy()
                                .editSpec().editLastContainer().withSecurityContext(null).endContainer().endSpec()
                                .build(), List.of())),
                Arguments.of("container-level restart rules are removed so a crash stays final",
                        new Row(s -> {}, Fixtures::podWithRestartRules, ctx(), apiCopy("api:1.4", "api:1.4"),
                                List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plan_buildsTheExpectedCopy(String name, Row row) {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        row.tweak().accept(spec);

        Plan plan = PodCopyPlanner.plan(row.have().get(), spec.build(), row.ctx());

        assertSamePod(plan.copy(), row.want());
        assertThat(plan.notes()).containsExactlyElementsOf(row.notes());
    }

    /** Copy of the docs seed pod: the source's two containers unchanged, the debug shell appended. */
    static PodBuilder docsSeedCopy() {
        return new PodBuilder().withApiVersion("v1").withKind("Pod")
                .withMetadata(copyMeta("nginx-sharepid-x7k2q", "default", "nginx"))
                .withSpec(new PodSpecBuilder().withShareProcessNamespace(true).withRestartPolicy("Never")
                        .addToContainers(container("nginx", "nginx"))
                        .addToContainers(new ContainerBuilder().withName("shell").withImage("busybox")
                                .withStdin(true).withTty(true).withNewSecurityContext().withNewCapabilities()
                                .addToAdd("SYS_PTRACE").endCapabilities().endSecurityContext().build())
                        .addToContainers(debugShell().build())
                        .build());
    }

    static Pod apiCopy(String initImage, String appImage) {
        return new PodBuilder().withApiVersion("v1").withKind("Pod")
                .withMetadata(copyMeta("api-sharepid-x7k2q", "shop", "api"))
                .withNewSpec().withShareProcessNamespace(true).withRestartPolicy("Never")
                    .addNewInitContainer().withName("migrate").withImage(initImage).withCommand("migrate", "up")
                    .endInitContainer()
                    .addToContainers(container("api", appImage), debugShell().build())
                .endSpec().build();
    }

    static Pod meshCopy() {
        return new PodBuilder().withApiVersion("v1").withKind("Pod")
                .withMetadata(copyMeta("mesh-sharepid-x7k2q", "shop", "mesh"))
                .withNewSpec().withShareProcessNamespace(true).withRestartPolicy("Never")
                    .addNewInitContainer().withName("proxy").withImage("envoy:1.30").withRestartPolicy("Always")
                    .endInitContainer()
                    .addToContainers(container("app", "app:2"), debugShell().build())
                .endSpec().build();
    }

    static Pod dbCopy(String nodeName) {
        return new PodBuilder().withApiVersion("v1").withKind("Pod")
                .withMetadata(copyMeta("db-0-sharepid-x7k2q", "data", "db-0"))
                .withSpec(new PodSpecBuilder(Fixtures.podWithClaims().getSpec()).withNodeName(nodeName)
                        .withShareProcessNamespace(true).withRestartPolicy("Never")
                        .addToContainers(debugShell().build()).build())
                .build();
    }

    static Pod webCopy(ObjectMeta meta) {
        return new PodBuilder().withApiVersion("v1").withKind("Pod").withMetadata(meta)
                .withNewSpec().withShareProcessNamespace(true).withRestartPolicy("Never")
                    .withServiceAccountName("web")
                    .addToContainers(container("web", "web:3.1"), debugShell().build())
                .endSpec().build();
    }

    static ObjectMeta keptWebMeta() {
        return new ObjectMetaBuilder(copyMeta("web-7d9f8b6c5-x2k4q-sharepid-x7k2q", "shop", "web-7d9f8b6c5-x2k4q"))
                .addToLabels(Map.of("app", "web", "pod-template-hash", "7d9f8b6c5"))
                .addToAnnotations("prometheus.io/scrape", "true")
                .build();
    }
}
