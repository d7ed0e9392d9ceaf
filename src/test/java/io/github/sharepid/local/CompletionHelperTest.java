package io.github.sharepid.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code completion kubectl --install} in a krew-like layout: {@code bin/kubectl-sharepid} a link into the store,
 * the helper written beside the link, idempotent, and never over a file that is not ours.
 */
class CompletionHelperTest {
    @TempDir
    Path tmp;

    @Test
    void script_isTheHelperThatCallsComplete() {
        assertThat(CompletionHelper.script()).startsWith("#!/bin/sh\n").contains(CompletionHelper.OURS);
    }

    @Test
    void pluginDirectory_isTheFirstPathEntryWithAnExecutablePlugin() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path notExecutable = Files.createDirectory(tmp.resolve("plain"));
        Files.writeString(notExecutable.resolve("kubectl-sharepid"), "data");
        Path bin = krewLayout();

        String path = String.join(File.pathSeparator, empty.toString(), notExecutable.toString(), bin.toString());

        assertThat(CompletionHelper.pluginDirectory(path)).isEqualTo(Optional.of(bin));
        assertThat(CompletionHelper.pluginDirectory(empty.toString())).isEmpty();
        assertThat(CompletionHelper.pluginDirectory(null)).isEmpty();
    }

    @Test
    void install_createsAnExecutableHelperThatReachesThePluginThroughTheLink() throws Exception {
        Path bin = krewLayout();

        CompletionHelper.Installed done = CompletionHelper.install(bin, CompletionHelper.script());

        assertThat(done).isEqualTo(new CompletionHelper.Installed(bin.resolve("kubectl_complete-sharepid"),
                CompletionHelper.Action.CREATED));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(done.path()))).isEqualTo("rwxr-xr-x");
        Process p = new ProcessBuilder(done.path().toString(), "debug", "web-1", "--pro").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("plugin got: __complete debug web-1 --pro\n");
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void install_again_changesNothing_andAnOlderHelperOfOursIsReplaced() throws IOException {
        Path bin = krewLayout();
        CompletionHelper.install(bin, CompletionHelper.script());

        assertThat(CompletionHelper.install(bin, CompletionHelper.script()).action())
                .isEqualTo(CompletionHelper.Action.UNCHANGED);

        Files.writeString(bin.resolve("kubectl_complete-sharepid"), "#!/bin/sh\n# old\n" + CompletionHelper.OURS + "\n");
        assertThat(CompletionHelper.install(bin, CompletionHelper.script()).action())
                .isEqualTo(CompletionHelper.Action.REPLACED);
        assertThat(Files.readString(bin.resolve("kubectl_complete-sharepid"))).isEqualTo(CompletionHelper.script());
    }

    @Test
    void install_overAFileThatIsNotOurs_isRefusedAndLeavesItAsItWas() throws IOException {
        Path bin = krewLayout();
        Path theirs = Files.writeString(bin.resolve("kubectl_complete-sharepid"), "#!/bin/sh\necho mine\n");

        assertThatThrownBy(() -> CompletionHelper.install(bin, CompletionHelper.script()))
                .isInstanceOfSatisfying(SharepidException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessage(theirs + " exists and is not kubectl-sharepid's completion helper; nothing was changed"
                        + " (move it away to install)");
        assertThat(Files.readString(theirs)).isEqualTo("#!/bin/sh\necho mine\n");
        try (var files = Files.list(bin)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("kubectl-sharepid", "kubectl_complete-sharepid"));
        }
    }

    @Test
    void install_overADirectoryOfThatName_isRefused() throws IOException {
        Path bin = krewLayout();
        Files.createDirectory(bin.resolve("kubectl_complete-sharepid"));

        assertThatThrownBy(() -> CompletionHelper.install(bin, CompletionHelper.script()))
                .isInstanceOf(SharepidException.class).hasMessageContaining("is not kubectl-sharepid's");
    }

    /** {@code tmp/store/kubectl-sharepid} (prints its arguments) and {@code tmp/bin/kubectl-sharepid} linking to it. */
    private Path krewLayout() throws IOException {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Path plugin = Files.writeString(store.resolve("kubectl-sharepid"), "#!/bin/sh\necho \"plugin got: $*\"\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kubectl-sharepid"), plugin);
        return bin;
    }
}
