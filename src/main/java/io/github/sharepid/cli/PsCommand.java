package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.ProcessTable;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.app.ToolSite;
import io.github.sharepid.output.PodProcessPrinter;
import io.github.sharepid.output.ProcessPrinter;
import io.github.sharepid.output.OutputFormat;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl sharepid ps POD}: every process of every container, with the container that owns it,
 * read from /proc in one exec (no dependence on the image's ps). Environments are never read.
 */
@Command(name = "ps", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "List every process of every container of POD, with the container that owns it. PID 1 is the pod's sandbox (pause). Reads /proc in one exec; environment variables are never read.",
        footer = {"%nExamples:",
            "  kubectl sharepid ps web-1-sharepid-x7k2p",
            "  kubectl sharepid ps web-1-sharepid-x7k2p -c nginx -o wide",
            "  kubectl sharepid ps web-1-sharepid-x7k2p --tree",
            "  kubectl sharepid ps web-1 --ephemeral --target app     # a live pod that does not share",
            "  kubectl sharepid ps web-1-sharepid-x7k2p -o json | jq -r '.processes[] | select(.user == \"nginx\") | .pid'",
            "  kubectl sharepid ps deploy/web -c nginx                  # every running pod of the deployment",
            "  kubectl sharepid ps -l app=web -A -o json | jq '.processes | group_by(.pod)'",
            "%nSeveral pods (TYPE/NAME, -l): at most --max-concurrency at once (default 10), output by pod;",
            "each failed pod is one stderr line. Exit 0 all succeeded, 3 some failed, 1 all failed."})
public class PsCommand implements Callable<Integer> {
    @Mixin
    ToolPodFlags target;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "Only processes of this container ((sandbox) for the pause process).")
    String container;

    @Option(names = "--tree", description = "Show the parent/child forest.")
    boolean tree;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Progress progress;
    private final Opener<ProcessTable> processes;
    private final Opener<Replicas> replicas;

    PsCommand(Io io, Progress progress, Opener<ProcessTable> processes, Opener<Replicas> replicas) {
        this.io = io;
        this.progress = progress;
        this.processes = processes;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        output.requireOneOf(OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML);
        ToolPod pod = target.toolPod();
        PodSelection.Request selection = target.selection();
        if (selection != null) {
            return many(selection, pod);
        }
        try (Opener.Opened<ProcessTable> table = processes.open()) {
            ProcessTable.Listing listing = table.use().list(pod, container);
            ToolSite shared = listing.target();
            if (listing.toolUid() > 0) {
                progress.say("note: read in container " + shared.execContainer() + " as UID " + listing.toolUid()
                        + ": signal and peek-root reach only processes of that UID");
            }
            new ProcessPrinter(new ProcessPrinter.Options(output.format,
                    tree, output.noHeaders, ZonedDateTime.now(), shared.name(), shared.namespace()))
                    .print(listing.processes(), io.out());
            return 0;
        }
    }

    /** TYPE/NAME or -l: one exec per pod, bounded; rows by pod then PID; failed pods on stderr. */
    private int many(PodSelection.Request selection, ToolPod template) {
        FanOut.Options options = target.fanOut();
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(selection);
            List<FanOut.Outcome<ProcessTable.Listing>> outcomes = fleet.use().ps(selected, template, container, options);
            List<PodProcessPrinter.PodRows> rows = FleetReport.succeeded(outcomes).stream()
                    .map(o -> new PodProcessPrinter.PodRows(o.pod().namespace(), o.pod().name(), o.result().processes()))
                    .toList();
            new PodProcessPrinter(new ProcessPrinter.Options(output.format, tree, output.noHeaders, ZonedDateTime.now(),
                    null, null), selected.allNamespaces()).print(rows, io.out());
            return FleetReport.finish(io, outcomes, selected.allNamespaces());
        }
    }
}
