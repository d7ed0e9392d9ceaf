package io.github.sharepid.plan;

import static io.github.sharepid.plan.Fixtures.assertSamePod;
import static io.github.sharepid.plan.Fixtures.ctx;
import static io.github.sharepid.plan.Fixtures.debugShell;
import static io.github.sharepid.plan.Fixtures.httpProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's table for the flags of kubectl 1.31+ debug: {@code --keep-liveness/-readiness/-startup},
 * {@code --keep-init-containers}, {@code --custom} and the netadmin profile. {name, spec tweak, havePod, wantPod}.
 */
class PodCopyPlannerParityTest {

    record Row(Consumer<Fixtures.SpecBuilder> tweak, Supplier<Pod> have, Pod want) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("--keep-liveness keeps liveness on app and sidecar, nothing else",
                        new Row(s -> s.apps = keep(true, false, false, true), Fixtures::podWithProbedSidecar,
                                meshCopy(true, false, false))),
                Arguments.of("--keep-readiness keeps only readiness",
                        new Row(s -> s.apps = keep(false, true, false, true), Fixtures::podWithProbedSidecar,
                                meshCopy(false, true, false))),
                Arguments.of("--keep-startup keeps only startup",
                        new Row(s -> s.apps = keep(false, false, true, true), Fixtures::podWithProbedSidecar,
                                meshCopy(false, false, true))),
                Arguments.of("all three --keep-* flags keep every probe",
                        new Row(s -> s.apps = keep(true, true, true, true), Fixtures::podWithProbedSidecar,
                                meshCopy(true, true, true))),
                Arguments.of("--keep-init-containers=false drops init containers and native sidecars",
                        new Row(s -> s.apps = keep(false, false, false, false), Fixtures::podWithProbedSidecar,
                                new PodBuilder(meshCopy(false, false, false)).editSpec()
                                        .withInitContainers(List.of()).endSpec().build())),
                Arguments.of("--keep-init-containers=false on a pod with a migration init container",
                        new Row(s -> s.apps = keep(false, false, false, false), Fixtures::podWithInitContainer,
                                new PodBuilder(PodCopyPlannerTest.apiCopy("api:1.4", "api:1.4")).editSpec()
                                        .withInitContainers(List.of()).endSpec().build())),
                Arguments.of("netadmin: NET_ADMIN and NET_RAW on the debug container",
                        new Row(s -> s.profile = Profile.NETADMIN, Fixtures::docsSeedPod, docsCopyWithDebug(debugShell()
                                .withNewSecurityContext().withNewCapabilities().addToAdd("NET_ADMIN", "NET_RAW")
                                .endCapabilities().endSecurityContext().build()))),
                Arguments.of("--custom adds env, a resource limit, a mount and a securityContext field after the profile",
                        new Row(s -> s.custom = new ContainerBuilder().addNewEnv().withName("MODE").withValue("debug")
                                .endEnv().withNewResources().addToLimits("memory", new Quantity("64Mi")).endResources()
                                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                                .withNewSecurityContext().withRunAsGroup(0L).endSecurityContext().build(),
                                Fixtures::docsSeedPod, docsCopyWithDebug(debugShell().addNewEnv().withName("MODE")
                                        .withValue("debug").endEnv().withNewResources()
                                        .addToLimits("memory", new Quantity("64Mi")).endResources()
                                        .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                                        .editSecurityContext().withRunAsGroup(0L).endSecurityContext().build()))),
                Arguments.of("--custom env merges by name with --env; capabilities replace the profile's, as kubectl's",
                        new Row(s -> {
                            s.env = Fixtures.ordered("MODE", "flag", "KEEP", "1");
                            s.custom = new ContainerBuilder().addNewEnv().withName("MODE").withValue("file").endEnv()
                                    .withNewSecurityContext().withNewCapabilities().addToAdd("NET_ADMIN")
                                    .endCapabilities().endSecurityContext().build();
                        }, Fixtures::docsSeedPod, docsCopyWithDebug(debugShell().addNewEnv().withName("MODE")
                                .withValue("file").endEnv().addNewEnv().withName("KEEP").withValue("1").endEnv()
                                .withNewSecurityContext().withNewCapabilities().addToAdd("NET_ADMIN").endCapabilities()
                                .endSecurityContext().build()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plan_buildsTheExpectedCopy(String name, Row row) {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        row.tweak().accept(spec);

        Plan plan = PodCopyPlanner.plan(row.have().get(), spec.build(), ctx());

        assertSamePod(plan.copy(), row.want());
        assertThat(plan.notes()).isEmpty();
    }

    static Stream<Arguments> customRefusals() {
        return Stream.of(
                Arguments.of(new ContainerBuilder().withImage("alpine").build(), "\"image\": the debug container's image is set by --image"),
                Arguments.of(new ContainerBuilder().withName("x").build(), "\"name\""),
                Arguments.of(new ContainerBuilder().withCommand("sleep").build(), "\"command\""),
                Arguments.of(new ContainerBuilder().withArgs("1").build(), "\"args\""),
                Arguments.of(new ContainerBuilder().withTty(false).build(), "\"tty\""),
                Arguments.of(new ContainerBuilder().withLivenessProbe(httpProbe(80)).build(),
                        "\"livenessProbe\": the debug container never has a probe"));
    }

    @ParameterizedTest(name = "--custom setting {1} is a usage error")
    @MethodSource("customRefusals")
    void custom_thatSetsWhatAFlagSets_isRefusedWhenTheSpecIsMade(Container custom, String field) {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.custom = custom;

        assertThatThrownBy(spec::build).isInstanceOfSatisfying(SharepidException.class,
                e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessageStartingWith("--custom may not set ").hasMessageContaining(field);
    }

    private static AppContainers keep(boolean liveness, boolean readiness, boolean startup, boolean inits) {
        return new AppContainers(liveness, readiness, startup, inits, List.of());
    }

    /** The probed sidecar pod's copy with the probes asked for kept on the sidecar and the app. */
    private static Pod meshCopy(boolean liveness, boolean readiness, boolean startup) {
        Pod copy = PodCopyPlannerTest.meshCopy();
        return new PodBuilder(copy).editSpec()
                .editFirstInitContainer().withLivenessProbe(liveness ? httpProbe(15021) : null)
                    .withReadinessProbe(readiness ? httpProbe(15021) : null)
                    .withStartupProbe(startup ? httpProbe(15021) : null).endInitContainer()
                .editFirstContainer().withLivenessProbe(liveness ? httpProbe(8080) : null)
                    .withReadinessProbe(readiness ? httpProbe(8080) : null)
                    .withStartupProbe(startup ? httpProbe(8080) : null).endContainer()
                .endSpec().build();
    }

    private static Pod docsCopyWithDebug(Container debug) {
        Pod copy = PodCopyPlannerTest.docsSeedCopy().build();
        List<Container> containers = new java.util.ArrayList<>(copy.getSpec().getContainers());
        containers.set(containers.size() - 1, debug);
        return new PodBuilder(copy).editSpec().withContainers(containers).endSpec().build();
    }
}
