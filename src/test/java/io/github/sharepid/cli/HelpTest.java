package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help and version need no cluster, go to stdout and exit 0, for the root and every command. */
class HelpTest {
    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"debug", "ps", "signal", "peek-root", "list", "cleanup", "completion"})
    void subcommandHelp_printsUsageAndExamples(String command) {
        CliRun run = CliRun.of(CliRun.noCluster(), command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("Usage: kubectl sharepid " + command).contains("Examples:");
    }

    @Test
    void rootHelp_listsCommandsAndExitCodes() {
        CliRun run = CliRun.of(CliRun.noCluster(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("Usage: kubectl sharepid COMMAND [ARGS] [flags]")
                .contains("Commands:").contains("debug").contains("peek-root").contains("Exit codes:")
                .doesNotContain("__train");
    }

    @Test
    void signal_hasKillsShortFlagAndKeepsServerLong() {
        CliRun run = CliRun.of(CliRun.noCluster(), "signal", "--help");

        assertThat(run.stdout()).contains("-s, --signal=SIGNAL").contains("--server=URL").doesNotContain("-s, --server");
    }

    @Test
    void version_namesTheVersionAndRuntime() {
        CliRun run = CliRun.of(CliRun.noCluster(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("kubectl-sharepid ").contains("runtime: ");
    }

    @Test
    void completionScript_needsNoCluster() {
        CliRun run = CliRun.of(CliRun.noCluster(), "completion", "bash");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("kubectl-sharepid").contains("complete ");
    }
}
