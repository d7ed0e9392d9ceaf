package io.github.sharepid.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations printed the way kubectl (Go's time.Duration) prints them, and read back. */
class DurationsGoSyntaxTest {
    @ParameterizedTest
    @CsvSource({"PT2M, 2m0s", "PT1H, 1h0m0s", "PT1H0M5S, 1h0m5s", "PT1.5S, 1.5s", "PT0.25S, 250ms", "PT0S, 0s",
                "PT30S, 30s", "PT90M, 1h30m0s"})
    void format_matchesGo(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2m0s, PT2M", "1h30m, PT1H30M", "1.5h, PT1H30M", "100us, PT0.0001S", "45, PT45S"})
    void parse_readsGoAndBareSeconds(String text, Duration expected) {
        assertThat(Durations.parse(text, "--request-timeout")).isEqualTo(expected);
    }
}
