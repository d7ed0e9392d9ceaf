package io.github.sharepid.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code POD} of ps, signal and peek-root, and {@code --exec-container}: where their fixed scripts run. */
public class ToolPodFlags {
    @Parameters(index = "0", paramLabel = "POD", description = "A pod that shares its process namespace.")
    String pod;

    @Option(names = "--exec-container", paramLabel = "NAME",
            description = "Container to run the tools in (needs sh, grep, cat, stat, as busybox has;"
                    + " default: the debug container of a kubectl-sharepid copy).")
    String execContainer;
}
