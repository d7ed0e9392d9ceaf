package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flag validation: what is accepted, and the one-line usage error for what is not. */
class SpecParsingTest {

    static Stream<Arguments> validAssignments() {
        return Stream.of(
                Arguments.of("--env", List.of("Z=1", "A=2", "M=3"), Fixtures.ordered("Z", "1", "A", "2", "M", "3")),
                Arguments.of("--env", List.of("EMPTY="), Map.of("EMPTY", "")),
                Arguments.of("--env", List.of("OPTS=-Dx=y"), Map.of("OPTS", "-Dx=y")),
                Arguments.of("--env", List.of("my.app-name_1=v"), Map.of("my.app-name_1", "v")),
                Arguments.of("--set-image", List.of("*=busybox:1.36", "api=api:debug"),
                        Fixtures.ordered("*", "busybox:1.36", "api", "api:debug")),
                Arguments.of("--set-image", List.of("api=registry:5000/api@sha256:abc"),
                        Map.of("api", "registry:5000/api@sha256:abc")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validAssignments")
    void parseAssignments_keepsOrderAndEverythingAfterTheFirstEquals(String flag, List<String> values,
            Map<String, String> want) {
        Map<String, String> got = SpecParsing.parseAssignments(values, flag);

        assertThat(got).containsExactlyEntriesOf(want);
    }

    static Stream<Arguments> invalidAssignments() {
        return Stream.of(
                Arguments.of("--env", List.of("NOEQUALS"), "--env \"NOEQUALS\": expected NAME=VALUE"),
                Arguments.of("--env", List.of("=v"), "--env \"=v\": the name before '=' is empty"),
                Arguments.of("--env", List.of("1ST=v"), "--env \"1ST=v\": \"1ST\" is not a valid environment"
                        + " variable name (letters, digits, '_', '-' and '.', not starting with a digit)"),
                Arguments.of("--env", List.of("A B=v"), "--env \"A B=v\": \"A B\" is not a valid environment"
                        + " variable name (letters, digits, '_', '-' and '.', not starting with a digit)"),
                Arguments.of("--env", List.of("A=1", "B=2", "A=3"), "--env \"A\" is given more than once"),
                Arguments.of("--set-image", List.of("api"), "--set-image \"api\": expected NAME=VALUE"),
                Arguments.of("--set-image", List.of("api="), "--set-image \"api=\": the image after '=' is empty"),
                Arguments.of("--set-image", List.of("Api=x"), "--set-image \"Api\": a container name must be at"
                        + " most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"),
                Arguments.of("--set-image", List.of("*=a", "*=b"), "--set-image \"*\" is given more than once"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidAssignments")
    void parseAssignments_rejectsBadInputWithOneLine(String flag, List<String> values, String message) {
        assertUsageError(() -> SpecParsing.parseAssignments(values, flag), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "web-7d9f8b6c5-x2k4q", "a", "0", "db.shard-1.example", "a1-b2"})
    void validatePodName_acceptsDns1123Subdomains(String name) {
        assertThatCode(() -> SpecParsing.validatePodName(name, "--copy-to")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nginx", "-web", "web-", "web_1", "a..b", "a.-b", "web.", "x y"})
    void validatePodName_rejectsOthers(String name) {
        assertUsageError(() -> SpecParsing.validatePodName(name, "--copy-to"), "--copy-to \"" + name + "\": a pod"
                + " name must be at most 253 lowercase letters, digits, '-' and '.', starting and ending with a"
                + " letter or digit");
    }

    @Test
    void validatePodName_draws253AsTheLimit() {
        String label = "a".repeat(63);
        String name253 = String.join(".", label, label, label, "a".repeat(61));

        assertThatCode(() -> SpecParsing.validatePodName(name253, "--copy-to")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SpecParsing.validatePodName(name253 + "a", "--copy-to"))
                .isInstanceOf(SharepidException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sharepid", "dbg-2", "a", "9",
            "abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz"})
    void validateContainerName_acceptsDns1123Labels(String name) {
        assertThatCode(() -> SpecParsing.validateContainerName(name, "-c")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Debug", "-dbg", "dbg-", "dbg.1", "dbg_1", "*"})
    void validateContainerName_rejectsOthers(String name) {
        assertUsageError(() -> SpecParsing.validateContainerName(name, "-c"), "-c \"" + name + "\": a container"
                + " name must be at most 63 lowercase letters, digits and '-', starting and ending with a letter"
                + " or digit");
    }

    @Test
    void validateContainerName_rejects64Characters() {
        assertThatThrownBy(() -> SpecParsing.validateContainerName("a".repeat(64), "-c"))
                .isInstanceOf(SharepidException.class);
    }

    @Test
    void validateImageSetTarget_acceptsStarAndContainerNames() {
        assertThatCode(() -> {
            SpecParsing.validateImageSetTarget("*", "--set-image");
            SpecParsing.validateImageSetTarget("api", "--set-image");
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> SpecParsing.validateImageSetTarget("**", "--set-image"))
                .isInstanceOf(SharepidException.class);
    }

    private static void assertUsageError(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(SharepidException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessage(message);
    }
}
