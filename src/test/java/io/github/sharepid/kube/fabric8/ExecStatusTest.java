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

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
        no sh on PATH (containerd 1.6, runc 1.1) | {"status":"Failure","reason":"InternalError","message":"Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \\"c\\": OCI runtime exec failed: exec failed: unable to start container process: exec: \\"sh\\": executable file not found in $PATH: unknown"} | true
        absolute path missing                    | {"status":"Failure","reason":"InternalError","message":"OCI runtime exec failed: exec failed: unable to start container process: exec: \\"/bin/sh\\": stat /bin/sh: no such file or directory: unknown"} | true
        a script that exits 127                  | {"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"127"}]}} | false
        container not running                    | {"status":"Failure","reason":"InternalError","message":"container not found (\\"nginx\\")"} | false
        """)
    void commandNotFound_onlyWhenTheRuntimeFoundNoExecutable(String name, String json, boolean notFound) {
        assertThat(ExecStatus.parse(json.getBytes(StandardCharsets.UTF_8), JSON).commandNotFound()).isEqualTo(notFound);
    }
}
