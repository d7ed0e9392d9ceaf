package io.github.sharepid.kube.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status channel's last word, as the API server and the kubelet write it. */
class ExecStatusTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        success                     | {"status":"Success"}                                                                                          | 0   |
        exit code 3                 | {"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}   | 3   |
        exit code 137               | {"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"137"}]}} | 137 |
        NonZeroExitCode, no cause   | {"status":"Failure","reason":"NonZeroExitCode","message":"command terminated with non-zero exit code"}        |     | command terminated with non-zero exit code
        exit code not a number      | {"status":"Failure","reason":"NonZeroExitCode","message":"m","details":{"causes":[{"reason":"ExitCode","message":"x"}]}} | | m
        other failure               | {"status":"Failure","reason":"InternalError","message":"executable file not found in $PATH"}                  |     | executable file not found in $PATH
        failure without a message   | {"status":"Failure"}                                                                                          |     | unreadable exit status
        not JSON                    | garbage                                                                                                       |     | unreadable exit status
        """)
    void parse(String name, String json, Integer exitCode, String message) {
        assertThat(ExecStatus.parse(json.getBytes(StandardCharsets.UTF_8), JSON))
                .isEqualTo(new ExecStatus(exitCode, message));
    }
}
