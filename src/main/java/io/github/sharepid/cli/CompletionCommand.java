package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.local.CompletionHelper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl sharepid completion bash|zsh|kubectl}: a completion script for the standalone binary, or
 * kubectl's helper {@code kubectl_complete-sharepid}, which {@code --install} puts beside the
 * {@code kubectl-sharepid} on PATH (krew links only the plugin itself, krew#812).
 */
@Command(name = "completion", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Print a shell completion script for the standalone kubectl-sharepid command (bash, zsh), or kubectl's completion helper kubectl_complete-sharepid (kubectl). Through kubectl (1.26+), completion works once that helper is on PATH beside kubectl-sharepid: a build from source has it there; after a krew install, run completion kubectl --install once.",
        footer = {"%nExamples:",
            "  kubectl sharepid completion kubectl --install     # after kubectl krew install sharepid",
            "  source <(kubectl-sharepid completion bash)",
            "  kubectl-sharepid completion zsh > \"${fpath[1]}/_kubectl-sharepid\""})
public class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh, or kubectl (the helper kubectl runs).")
    Shell shell;

    @Option(names = "--install", description = "With kubectl: write kubectl_complete-sharepid beside the kubectl-sharepid on PATH (never over a file that is not ours).")
    boolean install;

    enum Shell { bash, zsh, kubectl }

    private final Io io;

    CompletionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (install && shell != Shell.kubectl) {
            throw SharepidException.usage("--install goes with kubectl (completion kubectl --install); for " + shell
                    + ", source the script it prints");
        }
        if (install) {
            String path = System.getenv("PATH");
            CompletionHelper.Installed done = CompletionHelper.install(CompletionHelper.pluginDirectory(path)
                    .orElseThrow(() -> SharepidException.failure("kubectl-sharepid is not on PATH, so kubectl would not"
                            + " find its completion helper either; add its directory to PATH (krew: ~/.krew/bin)")),
                    CompletionHelper.script());
            io.out().println(switch (done.action()) {
                case CREATED -> "created " + done.path();
                case REPLACED -> "replaced " + done.path() + " (an older kubectl-sharepid helper)";
                case UNCHANGED -> "unchanged " + done.path() + " (already installed)";
            });
        } else {
            io.out().print(shell == Shell.kubectl ? CompletionHelper.script()
                    : Completion.script(shell.name(), spec.root().commandLine()));
        }
        io.out().flush();
        return 0;
    }
}
