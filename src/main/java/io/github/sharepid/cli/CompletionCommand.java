package io.github.sharepid.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubectl sharepid completion bash|zsh}: a completion script for the standalone binary. */
@Command(name = "completion", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Print a shell completion script for the standalone kubectl-sharepid command. Through kubectl (1.26+), completion works by itself: kubectl runs kubectl_complete-sharepid, which is installed next to kubectl-sharepid.",
        footer = {"%nExamples:",
            "  source <(kubectl-sharepid completion bash)",
            "  kubectl-sharepid completion zsh > \"${fpath[1]}/_kubectl-sharepid\""})
public class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    enum Shell { bash, zsh }

    private final Io io;

    CompletionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().print(Completion.script(shell.name(), spec.root().commandLine()));
        io.out().flush();
        return 0;
    }
}
