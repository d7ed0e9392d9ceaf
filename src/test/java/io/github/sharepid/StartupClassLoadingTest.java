package io.github.sharepid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that need no cluster must not pay for fabric8: a fresh JVM running them loads none of its
 * classes (checked with -verbose:class, on the same class path the tests use).
 */
class StartupClassLoadingTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "--help", "debug --help", "ps --help", "completion bash"})
    void noClusterCommand_loadsNoFabric8Class(String args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("io.github.sharepid.Main").doesNotContain("io.fabric8");
    }
}
