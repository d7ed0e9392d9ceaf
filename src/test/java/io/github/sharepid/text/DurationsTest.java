package io.github.sharepid.text;

import io.github.sharepid.failure.SharepidException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"0, 0", "45, 45000", "45s, 45000", "2m, 120000", "1h30m, 5400000", "1.5s, 1500", "250ms, 250"})
    void parse_acceptsKubectlDurations(String text, long millis) {
        assertThat(Durations.parse(text, "--timeout")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "2x", "-1s", "1h 30m", "s2", "2m;rm"})
    void parse_rejectsWithUsageErrorNamingTheFlag(String text) {
        assertThatThrownBy(() -> Durations.parse(text, "--timeout"))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("invalid --timeout")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({"0, 0s", "59, 59s", "120, 2m0s", "3725, 1h2m5s"})
    void format_likeKubectl(long seconds, String text) {
        assertThat(Durations.format(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({"5, 5s", "119, 119s", "600, 10m", "10799, 179m", "10800, 3h", "172800, 2d"})
    void age_likeKubectlAgeColumn(long seconds, String text) {
        assertThat(Durations.age(Duration.ofSeconds(seconds))).isEqualTo(text);
    }
}
