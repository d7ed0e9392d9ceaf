package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which profiles each Pod Security level admits, and what the refusal tells the user to use instead. */
class PodSecurityRuleTest {
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(null, Profile.GENERAL, null),
                Arguments.of(null, Profile.SYSADMIN, null),
                Arguments.of("privileged", Profile.SYSADMIN, null),
                Arguments.of("privileged", Profile.GENERAL, null),
                Arguments.of("baseline", Profile.GENERAL,
                        "namespace web enforces pod-security \"baseline\": profile general adds SYS_PTRACE;"
                                + " use --profile baseline"),
                Arguments.of("baseline", Profile.SYSADMIN,
                        "namespace web enforces pod-security \"baseline\": profile sysadmin is privileged;"
                                + " use --profile baseline"),
                Arguments.of("baseline", Profile.NETADMIN,
                        "namespace web enforces pod-security \"baseline\": profile netadmin adds NET_ADMIN and NET_RAW;"
                                + " use --profile baseline"),
                Arguments.of("restricted", Profile.NETADMIN,
                        "namespace web enforces pod-security \"restricted\": profile netadmin adds NET_ADMIN and"
                                + " NET_RAW; use --profile restricted"),
                Arguments.of("privileged", Profile.NETADMIN, null),
                Arguments.of("baseline", Profile.BASELINE, null),
                Arguments.of("baseline", Profile.RESTRICTED, null),
                Arguments.of("restricted", Profile.GENERAL,
                        "namespace web enforces pod-security \"restricted\": profile general adds SYS_PTRACE;"
                                + " use --profile restricted"),
                Arguments.of("restricted", Profile.SYSADMIN,
                        "namespace web enforces pod-security \"restricted\": profile sysadmin is privileged;"
                                + " use --profile restricted"),
                Arguments.of("restricted", Profile.BASELINE,
                        "namespace web enforces pod-security \"restricted\": profile baseline may run as root and"
                                + " keeps the default capabilities; use --profile restricted"),
                Arguments.of("restricted", Profile.RESTRICTED, null),
                Arguments.of(" Restricted ", Profile.GENERAL,
                        "namespace web enforces pod-security \"restricted\": profile general adds SYS_PTRACE;"
                                + " use --profile restricted"),
                Arguments.of("no-such-level", Profile.SYSADMIN, null));
    }

    @ParameterizedTest(name = "enforce={0}, profile {1}")
    @MethodSource("table")
    void rejection_namesLevelProfileAndTheProfileThatPasses(String level, Profile profile, String want) {
        assertThat(PodSecurityRule.rejection("web", level, profile)).isEqualTo(Optional.ofNullable(want));
    }
}
