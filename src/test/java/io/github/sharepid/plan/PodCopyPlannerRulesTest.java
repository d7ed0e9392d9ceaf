package io.github.sharepid.plan;

import static io.github.sharepid.plan.Fixtures.ctx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner's refusals and guarantees that are not a single planned pod: errors, purity, context checks. */
class PodCopyPlannerRulesTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("debug container named like an app container", spec("shell", Map.of()),
                        (Supplier<Pod>) Fixtures::docsSeedPod,
                        "container \"shell\" already exists in pod nginx; choose another name with -c"),
                Arguments.of("debug container named like an init container", spec("migrate", Map.of()),
                        (Supplier<Pod>) Fixtures::podWithInitContainer,
                        "container \"migrate\" already exists in pod api; choose another name with -c"),
                Arguments.of("set-image for a container the pod does not have",
                        spec("sharepid", Map.of("*", "busybox", "nope", "alpine")),
                        (Supplier<Pod>) Fixtures::podWithInitContainer,
                        "--set-image: pod api has no container \"nope\"; its containers are migrate, api"),
                Arguments.of("set-image for the debug container", spec("sharepid", Map.of("sharepid", "alpine")),
                        (Supplier<Pod>) Fixtures::docsSeedPod,
                        "--set-image cannot change the debug container \"sharepid\"; use --image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void plan_withBadNames_failsWithUsageError(String name, DebugSpec spec, Supplier<Pod> source, String message) {
        assertThatThrownBy(() -> PodCopyPlanner.plan(source.get(), spec, ctx()))
                .isInstanceOfSatisfying(SharepidException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessage(message);
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("docs seed", (Supplier<Pod>) Fixtures::docsSeedPod),
                Arguments.of("init container", (Supplier<Pod>) Fixtures::podWithInitContainer),
                Arguments.of("probed sidecar", (Supplier<Pod>) Fixtures::podWithProbedSidecar),
                Arguments.of("claims", (Supplier<Pod>) Fixtures::podWithClaims),
                Arguments.of("ReplicaSet", (Supplier<Pod>) Fixtures::replicaSetPod),
                Arguments.of("restart rules", (Supplier<Pod>) Fixtures::podWithRestartRules));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void plan_leavesTheSourceUnchanged(String name, Supplier<Pod> source) {
        Pod have = source.get();
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.keepLabels = true;
        spec.keepAnnotations = true;
        spec.setImages = Map.of("*", "busybox:1.36");
        spec.profile = Profile.RESTRICTED;

        PodCopyPlanner.plan(have, spec.build(), ctx("data-db-0"));

        assertThat(have).isEqualTo(source.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void plan_sharesNoMutableStateWithTheSource(String name, Supplier<Pod> source) {
        Pod have = source.get();
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.keepLabels = true;
        spec.keepAnnotations = true;
        Pod copy = PodCopyPlanner.plan(have, spec.build(), ctx()).copy();

        copy.getMetadata().getLabels().put("touched", "yes");
        copy.getMetadata().getAnnotations().put("touched", "yes");
        copy.getSpec().getContainers().get(0).getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar("T", "1", null));
        copy.getSpec().getVolumes().clear();

        assertThat(have).isEqualTo(source.get());
    }

    @Test
    void plan_withoutSameNode_clearsNodeName() {
        Pod copy = PodCopyPlanner.plan(Fixtures.replicaSetPod(), Fixtures.spec(), ctx()).copy();

        assertThat(copy.getSpec().getNodeName()).isNull();
    }

    @Test
    void planContext_rejectsASuffixThatIsNotFiveLowercaseAlphanumerics() {
        Stream.of("abcd", "abcdef", "ABCDE", "ab-de").forEach(suffix ->
                assertThatThrownBy(() -> new PlanContext(Instant.EPOCH, suffix, Set.of()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(suffix));
    }

    private static DebugSpec spec(String container, Map<String, String> setImages) {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.container = container;
        spec.setImages = setImages;
        return spec.build();
    }
}
