package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.github.sharepid.failure.SharepidException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which user --as-target-user / --run-as picks, and what each profile makes of it. */
class TargetUserTest {
    private static final TargetUser.Request ONLY = new TargetUser.Request(true, null, null);

    static Stream<Arguments> users() {
        return Stream.of(
                Arguments.of("container user and group", pod(1000L, 3000L, null, null), ONLY, "UID 1000 GID 3000"),
                Arguments.of("container first, then the pod", pod(1000L, null, 2000L, 4000L), ONLY, "UID 1000 GID 4000"),
                Arguments.of("the pod's when the container says nothing", pod(null, null, 2000L, null), ONLY, "UID 2000"),
                Arguments.of("--run-as wins over the spec", pod(1000L, null, null, null),
                        new TargetUser.Request(true, null, new TargetUser.RunAs(5, 6L)), "UID 5 GID 6"),
                Arguments.of("--run-as needs no spec", pod(null, null, null, null),
                        new TargetUser.Request(false, null, new TargetUser.RunAs(7, null)), "UID 7"),
                Arguments.of("--target picks among several", twoContainers(),
                        new TargetUser.Request(true, "side", null), "UID 1001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void resolve_table(String name, PodSpec pod, TargetUser.Request request, String want) {
        assertThat(TargetUser.resolve(pod, "web", request)).hasToString(want);
    }

    @Test
    void resolve_specWithoutUser_asksForRunAs() {
        assertThatThrownBy(() -> TargetUser.resolve(pod(null, 3000L, null, null), "web", ONLY))
                .isInstanceOf(SharepidException.class)
                .hasMessage("container app of pod web does not say which user it runs as (no runAsUser in its or the"
                        + " pod's securityContext); give it with --run-as UID[:GID]")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }

    @Test
    void resolve_severalContainersWithoutTarget_orAnUnknownTarget_areUsageErrors() {
        assertThatThrownBy(() -> TargetUser.resolve(twoContainers(), "web", ONLY))
                .hasMessage("pod web has 2 containers; name the one whose user to run as with --target (one of: app,"
                        + " side)");
        assertThatThrownBy(() -> TargetUser.resolve(twoContainers(), "web", new TargetUser.Request(true, "db", null)))
                .hasMessage("--target db: pod web has no container db (one of: app, side)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1000:", ":1000", "-1", "1000:x", "1 000", "4294967295", "1000:4294967295"})
    void parse_numbersOnly(String bad) {
        assertThatThrownBy(() -> TargetUser.parse(bad, "--run-as"))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("--run-as \"" + bad + "\": expected UID or UID:GID");
    }

    @Test
    void parse_uidAndGroup() {
        assertThat(TargetUser.parse("1000", "--run-as")).isEqualTo(new TargetUser.RunAs(1000, null));
        assertThat(TargetUser.parse("0:0", "--run-as")).isEqualTo(new TargetUser.RunAs(0, 0L));
    }

    @Test
    void restricted_keepsItsRules_withTheTargetsUser() {
        ProfileApplier.Applied applied = ProfileApplier.apply(Profile.RESTRICTED, nonRootPod(),
                new TargetUser.RunAs(1000, 3000L));

        assertThat(applied.securityContext()).isEqualTo(new SecurityContextBuilder()
                .withRunAsNonRoot(true).withRunAsUser(1000L).withRunAsGroup(3000L).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build());
        assertThat(applied.notes()).singleElement().asString().contains("runs as UID 1000 without capabilities");
    }

    @Test
    void restricted_refusesRoot() {
        assertThatThrownBy(() -> ProfileApplier.apply(Profile.RESTRICTED, nonRootPod(), new TargetUser.RunAs(0, null)))
                .hasMessageStartingWith("the target's user is root (UID 0), which --profile restricted refuses");
    }

    @Test
    void general_runsAsTheUserInsteadOfRoot_andSaysTheCapabilityIsMoot() {
        ProfileApplier.Applied applied = ProfileApplier.apply(Profile.GENERAL, nonRootPod(),
                new TargetUser.RunAs(1000, null));

        SecurityContext sc = applied.securityContext();
        assertThat(sc.getRunAsUser()).isEqualTo(1000L);
        assertThat(sc.getRunAsNonRoot()).isNull();
        assertThat(sc.getCapabilities().getAdd()).containsExactly("SYS_PTRACE");
        assertThat(applied.notes()).singleElement().asString()
                .startsWith("The debug container runs as UID 1000, the target's user");
    }

    @Test
    void general_rootAskedForInANonRootPod_setsItsOwnRunAsNonRootFalse() {
        SecurityContext sc = ProfileApplier.apply(Profile.GENERAL, nonRootPod(), new TargetUser.RunAs(0, null))
                .securityContext();

        assertThat(sc.getRunAsUser()).isZero();
        assertThat(sc.getRunAsNonRoot()).isFalse();
    }

    private static PodSpec pod(Long uid, Long gid, Long podUid, Long podGid) {
        return new PodSpecBuilder()
                .withNewSecurityContext().withRunAsUser(podUid).withRunAsGroup(podGid).endSecurityContext()
                .addNewContainer().withName("app").withImage("busybox")
                .withNewSecurityContext().withRunAsUser(uid).withRunAsGroup(gid).endSecurityContext().endContainer()
                .build();
    }

    private static PodSpec twoContainers() {
        return new PodSpecBuilder(pod(1000L, null, null, null))
                .addNewContainer().withName("side").withImage("busybox")
                .withNewSecurityContext().withRunAsUser(1001L).endSecurityContext().endContainer()
                .build();
    }

    private static PodSpec nonRootPod() {
        return new PodSpecBuilder().withNewSecurityContext().withRunAsNonRoot(true).endSecurityContext()
                .addNewContainer().withName("app").withImage("busybox").endContainer().build();
    }
}
