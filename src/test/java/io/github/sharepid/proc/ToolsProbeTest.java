package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools check in front of a fixed script ({@link ToolsProbe#guarded}), run by this machine's /bin/sh: with
 * every tool on PATH the script runs with its arguments unchanged; with one missing it stops before the script
 * did anything, and {@link ToolsProbe#missing} tells that apart from the script's own failures.
 */
class ToolsProbeTest {
    private static final List<String> SCRIPT = List.of("sh", "-c", "echo ran \"$1\" > \"$2\"; exit 3", "sh-name", "arg", "");

    @TempDir
    Path dir;

    @Test
    void allToolsThere_theScriptRunsWithItsArguments() throws Exception {
        Path marker = dir.resolve("marker");

        Result r = run(ToolsProbe.guarded(withMarker(marker)), System.getenv("PATH"));

        assertThat(r.code).isEqualTo(3);
        assertThat(Files.readString(marker)).isEqualTo("ran arg\n");
        assertThat(ToolsProbe.missing(r.code, r.stderr)).isNull();
    }

    @Test
    void aToolMissing_stopsBeforeTheScript_andSaysWhich() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : List.of("grep", "cat", "stat")) { // no tr, no readlink
            Files.copy(Path.of("/bin/" + tool), bin.resolve(tool), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path marker = dir.resolve("marker");

        Result r = run(ToolsProbe.guarded(withMarker(marker)), bin.toString());

        assertThat(marker).doesNotExist();
        assertThat(ToolsProbe.missing(r.code, r.stderr)).isEqualTo("no tr");
    }

    @Test
    void theScriptsOwnExit127_isNotAMissingTool() {
        assertThat(ToolsProbe.missing(127, "sh: grep: not found\n")).isNull();
        assertThat(ToolsProbe.missing(1, "no grep\n")).isNull();
        assertThat(ToolsProbe.missing(127, "no grep\n")).isEqualTo("no grep");
    }

    @Test
    void onlyFixedShScripts_canBeGuarded() {
        assertThatThrownBy(() -> ToolsProbe.guarded(List.of("cat", "/etc/hostname")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> withMarker(Path marker) {
        List<String> argv = new ArrayList<>(SCRIPT);
        argv.set(argv.size() - 1, marker.toString());
        return argv;
    }

    private record Result(int code, String stderr) {
    }

    private static Result run(List<String> argv, String path) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(argv);
        cmd.set(0, "/bin/sh");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), err);
    }
}
