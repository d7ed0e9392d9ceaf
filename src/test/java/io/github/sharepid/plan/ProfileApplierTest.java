package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The debug container's securityContext and notes per profile, given the pod's own securityContext. */
class ProfileApplierTest {
    private static final String RESTRICTED_NOBODY_NOTE = "The restricted debug container runs as UID 65534 without"
            + " capabilities: it lists every process but can signal or inspect (/proc/PID/root, environ, fd) only"
            + " those of UID 65534.";
    private static final String ROOT_IMAGE_NOTE = "The pod sets runAsNonRoot without runAsUser, so a debug image"
            + " that runs as root (busybox does) will not start; use --profile=restricted, which runs it as UID 65534, or --profile=general, which runs it as root.";
    private static final String ROOT_OVERRIDE_NOTE = "The pod sets runAsNonRoot; the debug container alone runs as"
            + " root (runAsUser 0, runAsNonRoot false) so that it starts with its profile's powers; --profile"
            + " restricted keeps it non-root (UID 65534).";
    private static final String POD_UID_NOTE = "The pod runs as UID 1000 (spec.securityContext.runAsUser), so the"
            + " debug shell does not get the capabilities of its profile and can only signal or inspect processes"
            + " of that UID.";

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("general adds SYS_PTRACE, as the docs page does", Profile.GENERAL, null,
                        new SecurityContextBuilder().withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities()
                                .build(), List.of()),
                Arguments.of("baseline sets no securityContext", Profile.BASELINE, null, null, List.of()),
                Arguments.of("restricted runs busybox as nobody and says what it can reach", Profile.RESTRICTED, null,
                        restricted().withRunAsUser(65534L).build(), List.of(RESTRICTED_NOBODY_NOTE)),
                Arguments.of("restricted leaves a pod-level runAsUser in charge", Profile.RESTRICTED, podUser(1000L),
                        restricted().build(), List.of(RESTRICTED_NOBODY_NOTE.replace("65534", "1000"))),
                Arguments.of("restricted overrides a pod-level root user, which runAsNonRoot would refuse",
                        Profile.RESTRICTED, podUser(0L), restricted().withRunAsUser(65534L).build(),
                        List.of(RESTRICTED_NOBODY_NOTE)),
                Arguments.of("netadmin adds NET_ADMIN and NET_RAW, as kubectl's", Profile.NETADMIN, null,
                        new SecurityContextBuilder().withNewCapabilities().addToAdd("NET_ADMIN", "NET_RAW")
                                .endCapabilities().build(), List.of()),
                Arguments.of("sysadmin is privileged", Profile.SYSADMIN, null,
                        new SecurityContextBuilder().withPrivileged(true).build(), List.of()),
                Arguments.of("general under a non-root pod user warns that SYS_PTRACE will not apply",
                        Profile.GENERAL, podUser(1000L), new SecurityContextBuilder().withNewCapabilities()
                                .addToAdd("SYS_PTRACE").endCapabilities().build(), List.of(POD_UID_NOTE)),
                Arguments.of("sysadmin under a non-root pod user warns too", Profile.SYSADMIN, podUser(1000L),
                        new SecurityContextBuilder().withPrivileged(true).build(), List.of(POD_UID_NOTE)),
                Arguments.of("baseline under pod-level runAsNonRoot warns that a root image will not start",
                        Profile.BASELINE, new PodSecurityContextBuilder().withRunAsNonRoot(true).build(), null,
                        List.of(ROOT_IMAGE_NOTE)),
                Arguments.of("general under pod-level runAsNonRoot runs the debug container alone as root, and says so",
                        Profile.GENERAL, new PodSecurityContextBuilder().withRunAsNonRoot(true).build(),
                        new SecurityContextBuilder().withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities()
                                .withRunAsNonRoot(false).withRunAsUser(0L).build(), List.of(ROOT_OVERRIDE_NOTE)),
                Arguments.of("sysadmin under pod-level runAsNonRoot does the same", Profile.SYSADMIN,
                        new PodSecurityContextBuilder().withRunAsNonRoot(true).build(), new SecurityContextBuilder()
                                .withPrivileged(true).withRunAsNonRoot(false).withRunAsUser(0L).build(),
                        List.of(ROOT_OVERRIDE_NOTE)),
                Arguments.of("general keeps a pod-level non-root user (it reaches that UID's processes)",
                        Profile.GENERAL, new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L)
                                .build(), new SecurityContextBuilder().withNewCapabilities().addToAdd("SYS_PTRACE")
                                .endCapabilities().build(), List.of(POD_UID_NOTE)),
                Arguments.of("restricted under pod-level runAsNonRoot stays non-root as nobody", Profile.RESTRICTED,
                        new PodSecurityContextBuilder().withRunAsNonRoot(true).build(),
                        restricted().withRunAsUser(65534L).build(), List.of(RESTRICTED_NOBODY_NOTE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void apply_setsTheProfilesSecurityContext(String name, Profile profile, PodSecurityContext podSc,
            SecurityContext want, List<String> wantNotes) {
        PodSpec pod = new PodSpecBuilder().withSecurityContext(podSc).addNewContainer().withName("app").endContainer()
                .build();

        ProfileApplier.Applied applied = ProfileApplier.apply(profile, pod);

        assertThat(applied.securityContext()).isEqualTo(want);
        assertThat(applied.notes()).containsExactlyElementsOf(wantNotes);
    }

    private static SecurityContextBuilder restricted() {
        return new SecurityContextBuilder().withRunAsNonRoot(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
    }

    private static PodSecurityContext podUser(long uid) {
        return new PodSecurityContextBuilder().withRunAsUser(uid).build();
    }
}
