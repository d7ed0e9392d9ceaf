package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
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

    @ParameterizedTest(name = "kubectl sharepid {0}")
    @ValueSource(strings = {"", "-v", "-n team"})
    @DisplayName("no command (nothing, or flags alone): the root usage on stdout, exit 0, as kubectl does")
    void noCommand_printsTheRootUsage(String flags) {
        CliRun run = CliRun.of(CliRun.noCluster(), flags.isEmpty() ? new String[0] : flags.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo(CliRun.of(CliRun.noCluster(), "--help").stdout());
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
    void completionKubectl_printsTheHelperKubectlRuns() {
        CliRun run = CliRun.of(CliRun.noCluster(), "completion", "kubectl");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("#!/bin/sh\n").contains("__complete \"$@\"");
    }

    @Test
    void completionScript_needsNoCluster() {
        CliRun run = CliRun.of(CliRun.noCluster(), "completion", "bash");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("kubectl-sharepid").contains("complete ");
    }
}
