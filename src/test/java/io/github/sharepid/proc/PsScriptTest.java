package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsScriptTest {
    private static byte[] out(String s) {
        return s.replace("|", "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** A process that exits between the glob and grep's read makes grep exit 2; the listing is still whole. */
    @ParameterizedTest(name = "exit {0}, output {1}: completed {2}")
    @CsvSource(delimiter = ';', value = {
        "0;self:7|uptime:12.5 3.1|;true",
        "2;self:7|1/status:Uid:\t0|uptime:12.5 3.1|1/stat:1 (sh) S|;true",
        "2;uptime:12.5 3.1|;true",
        "2;self:7|1/status:Uid:\t0|;false",          // grep failed before it read uptime
        "2;self:7|1/cmdline:xuptime:|;false",         // 'uptime:' inside a record is not the record
        "1;self:7|uptime:12.5|;false",                // cd /proc failed, or grep found nothing
        "127;;false",                                 // no sh in the container
        "126;;false",
        "0;;false"})                                  // no listing at all
    void completed(int code, String output, boolean expected) {
        assertThat(PsScript.completed(code, out(output == null ? "" : output))).isEqualTo(expected);
    }
}
