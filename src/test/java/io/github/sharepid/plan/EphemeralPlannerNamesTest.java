package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tools container's name comes from what makes it reusable, so racing calls send the same name and the API
 * server stores it once: the same kind gives the same name in every process, any difference gives another.
 */
class EphemeralPlannerNamesTest {
    @Test
    void sameKind_sameName_stableAcrossRuns_andAValidContainerName() {
        String name = EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", null, 1);

        assertThat(name).isEqualTo(EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", null, 1))
                .matches("[0-9a-f]{10}")
                // pinned (printf 'busybox\nGENERAL\nweb\n' | sha256sum): later releases keep reusing this one's
                .isEqualTo("c5c91ffa62");
        assertThat(EphemeralPlanner.TOOLS_PREFIX + name + "-99").hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void imageProfileTargetUserAndGeneration_eachGiveAnotherName() {
        TargetUser.RunAs uid1000 = new TargetUser.RunAs(1000L, null);
        List<String> names = List.of(
                EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", null, 1),
                EphemeralPlanner.toolsSuffix("busybox:1.36", Profile.GENERAL, "web", null, 1),
                EphemeralPlanner.toolsSuffix("busybox", Profile.BASELINE, "web", null, 1),
                EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, null, null, 1),
                EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", uid1000, 1),
                EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", new TargetUser.RunAs(1000L, 1000L), 1),
                EphemeralPlanner.toolsSuffix("busybox", Profile.GENERAL, "web", null, 2));

        Set<String> distinct = names.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSameSizeAs(names);
        assertThat(names.get(6)).isEqualTo(names.get(0) + "-2");
    }
}
