package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.output.ProcessPrinter;
import io.github.sharepid.proc.ContainerFilter;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.output.OutputFormat;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid ps POD}: every process of every container, with the container that owns it,
 * read from /proc in one exec (no dependence on the image's ps), sent while the pod is read for the
 * attribution. Environments are never read.
 */
@Command(name = "ps", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "List every process of every container of POD, with the container that owns it. PID 1 is the pod's sandbox (pause). Reads /proc in one exec; environment variables are never read.",
        footer = {"%nExamples:",
            "  kubectl sharepid ps web-1-sharepid-x7k2p",
            "  kubectl sharepid ps web-1-sharepid-x7k2p -c nginx -o wide",
            "  kubectl sharepid ps web-1-sharepid-x7k2p --tree",
            "  kubectl sharepid ps web-1-sharepid-x7k2p -o json | jq -r '.processes[] | select(.user == \"nginx\") | .pid'"})
public class PsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "POD", description = "A pod that shares its process namespace.")
    String pod;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "Only processes of this container ((sandbox) for the pause process).")
    String container;

    @Option(names = "--tree", description = "Show the parent/child forest.")
    boolean tree;

    @Mixin
    OutputFlags output;

    @Mixin
    ExecContainerFlag execFlag;

    @Override
    public Integer call() {
        output.requireOneOf("table", "wide", "json", "yaml");
        try (KubeContext kube = root.connect()) {
            var read = Processes.tableWhileLooking(kube, SharedPodLookup.start(kube, pod, execFlag.name));
            SharedPod shared = read.shared();
            List<ProcessInfo> rows = ContainerFilter.select(read.result(), shared.pod(), container);
            new ProcessPrinter(new ProcessPrinter.Options(OutputFormat.valueOf(output.format.toUpperCase(Locale.ROOT)),
                    tree, output.noHeaders, ZonedDateTime.now(), shared.name(), shared.namespace()))
                    .print(rows, root.io().out());
            return 0;
        }
    }
}
