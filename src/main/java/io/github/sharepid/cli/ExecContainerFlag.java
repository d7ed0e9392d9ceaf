package io.github.sharepid.cli;

import picocli.CommandLine.Option;

/** {@code --exec-container}: where ps, signal and peek-root run their fixed scripts. */
public class ExecContainerFlag {
    @Option(names = "--exec-container", paramLabel = "NAME",
            description = "Container to run the tools in (needs sh, grep, cat, stat, as busybox has;"
                    + " default: the debug container of a kubectl-sharepid copy).")
    String name;
}
