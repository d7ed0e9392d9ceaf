package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    @Test
    void parse_knownValues_inAnyCase_andNothingMeansTheTable() {
        assertThat(OutputFormat.parse(null)).isEqualTo(OutputFormat.TABLE);
        assertThat(OutputFormat.parse("")).isEqualTo(OutputFormat.TABLE);
        assertThat(OutputFormat.parse("wide")).isEqualTo(OutputFormat.WIDE);
        assertThat(OutputFormat.parse("JSON")).isEqualTo(OutputFormat.JSON);
        assertThat(OutputFormat.parse("yaml")).isEqualTo(OutputFormat.YAML);
    }

    @Test
    void parse_unknownValue_isAUsageErrorListingTheValidOnes() {
        assertThatThrownBy(() -> OutputFormat.parse("xml"))
                .isInstanceOf(SharepidException.class)
                .hasMessage("unknown output format \"xml\"; valid: table, wide, json, yaml")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }
}
